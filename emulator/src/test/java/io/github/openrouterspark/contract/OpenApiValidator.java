package io.github.openrouterspark.contract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates HTTP requests and responses against an OpenAPI 3.1 document.
 *
 * <p>Every JSON Schema in the document (parameter schemas, response bodies and the component
 * schemas they {@code $ref}) is evaluated by networknt's json-schema-validator with its OpenAPI 3.1
 * dialect ({@code https://spec.openapis.org/oas/3.1/dialect/base}, i.e. JSON Schema 2020-12 plus
 * the OAS vocabulary), so 3.1 constructs such as {@code type: [integer, "null"]} are enforced. The
 * schemas are loaded straight from the document by JSON pointer, never copied or converted.
 *
 * <p>This class adds only the HTTP layer that a JSON Schema validator does not have: finding the
 * operation for a method and path under the server's base path, merging path-level and
 * operation-level parameters, turning query/header strings into typed JSON values the way the
 * parameter's schema types say, the operation's security requirements, choosing the response object
 * for a status ({@code 404}, then {@code 4XX}, then {@code default}) and matching the Content-Type.
 * Whatever it cannot check (array or object parameters, cookies) is reported as a violation rather
 * than passed silently.
 */
final class OpenApiValidator {
  /**
   * OpenRouter's OpenAPI excerpt, vendored under src/test/resources (its header names the origin
   * and the MIT licence), so a clone alone is enough to run the contract tests.
   */
  static final String SPEC_RESOURCE = "/openapi/openrouter-openapi-excerpt.yaml";

  /** The IRI the document is registered under; never fetched, the content is handed over. */
  private static final String DOCUMENT_IRI =
      "https://contract.openrouter-spark.invalid/openrouter-openapi-excerpt.yaml";

  private static final Pattern PATH_TEMPLATE = Pattern.compile("\\{([^/{}]+)}");
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
  private static final Pattern NUMBER =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  private final JsonNode document;
  private final String basePath;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /** One violation of the contract: where it is, and what the validator says about it. */
  record Violation(String where, String message) {
    @Override
    public String toString() {
      return where + ": " + message;
    }
  }

  /**
   * A request as it was on the wire.
   *
   * @param path the full path, e.g. {@code /api/v1/datasets/rankings-daily}
   * @param query decoded query parameters
   * @param headers request headers; names are matched case-insensitively
   * @param body the request body, or {@code null} when there is none
   */
  record HttpRequestRecord(
      String method,
      String path,
      Map<String, String> query,
      Map<String, String> headers,
      String body) {
    HttpRequestRecord {
      query = Map.copyOf(query);
      headers = caseInsensitive(headers);
    }
  }

  /** A response as it was on the wire; header names are matched case-insensitively. */
  record HttpResponseRecord(int status, Map<String, String> headers, String body) {
    HttpResponseRecord {
      headers = caseInsensitive(headers);
    }

    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name));
    }
  }

  /** The operation a request resolved to, with the JSON pointer of its Operation Object. */
  record Operation(
      String operationId, String method, String pathTemplate, String pointer, JsonNode node) {}

  private OpenApiValidator(String yaml) {
    try {
      this.document = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("The OpenAPI document is not valid YAML", e);
    }
    String version = document.path("openapi").asText("");
    if (!version.startsWith("3.1.")) {
      throw new IllegalArgumentException(
          "Expected an OpenAPI 3.1 document, got openapi: " + version);
    }
    this.basePath = basePathOf(document);
    // JSON Schema 2020-12 collects unknown keywords as annotations; the default factory does the
    // same but logs a warning for every non-schema member of the document root (paths, info, ...).
    Dialect dialect =
        Dialect.builder(Dialects.getOpenApi31())
            .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
            .build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            dialect, builder -> builder.schemas(Map.of(DOCUMENT_IRI, yaml)));
  }

  /** The validator for the vendored OpenAPI excerpt ({@link #SPEC_RESOURCE}). */
  static OpenApiValidator forVendoredSpec() {
    return new OpenApiValidator(readResource(SPEC_RESOURCE));
  }

  static OpenApiValidator load(Path spec) {
    try {
      return new OpenApiValidator(Files.readString(spec));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the OpenAPI document " + spec, e);
    }
  }

  static OpenApiValidator fromYaml(String yaml) {
    return new OpenApiValidator(yaml);
  }

  /** A test resource as text; throws, rather than letting the tests skip, when it is not there. */
  static String readResource(String name) {
    try (InputStream in = OpenApiValidator.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "The OpenAPI document the contract tests validate against is missing from the test classpath: "
                + name
                + " (src/test/resources"
                + name
                + ").");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }

  JsonNode document() {
    return document;
  }

  /** The path of the first server URL, e.g. {@code /api/v1}; empty when it has none. */
  String basePath() {
    return basePath;
  }

  /** Every operation of the document, in document order. */
  List<Operation> operations() {
    List<Operation> result = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (isHttpMethod(op.getKey())) {
          result.add(operation(path.getKey(), op.getKey(), op.getValue()));
        }
      }
    }
    return result;
  }

  /** The operation serving {@code method} on the full request {@code path}, if any. */
  Optional<Operation> findOperation(String method, String path) {
    return match(method, path).map(Match::operation);
  }

  /** Violations of the operation's parameters and security requirements by {@code request}. */
  List<Violation> validateRequest(HttpRequestRecord request) {
    List<Violation> violations = new ArrayList<>();
    Optional<Match> found = match(request.method(), request.path(), violations);
    if (found.isEmpty()) {
      return violations;
    }
    Match match = found.get();
    Operation op = match.operation();
    Map<String, Parameter> declared = parameters(op);
    for (Parameter parameter : declared.values()) {
      validateParameter(parameter, request, match.pathValues(), violations);
    }
    for (String name : request.query().keySet()) {
      if (!declared.containsKey(key("query", name))) {
        violations.add(
            new Violation(
                "request.query." + name,
                "is not a parameter of "
                    + op.operationId()
                    + " (declared: "
                    + declaredNames(declared, "query")
                    + ")"));
      }
    }
    validateSecurity(op, request, violations);
    validateRequestBody(op, request, violations);
    return violations;
  }

  /** Violations of the operation's documented responses by {@code response} to {@code request}. */
  List<Violation> validateResponse(HttpRequestRecord request, HttpResponseRecord response) {
    List<Violation> violations = new ArrayList<>();
    Optional<Match> found = match(request.method(), request.path(), violations);
    if (found.isEmpty()) {
      return violations;
    }
    Operation op = found.get().operation();
    JsonNode responses = op.node().path("responses");
    String code = String.valueOf(response.status());
    String range = code.charAt(0) + "XX";
    String key = null;
    for (String candidate : List.of(code, range, range.toLowerCase(Locale.ROOT), "default")) {
      if (responses.has(candidate)) {
        key = candidate;
        break;
      }
    }
    if (key == null) {
      violations.add(
          new Violation(
              "response.status",
              response.status()
                  + " is not a documented response of "
                  + op.operationId()
                  + " (documented: "
                  + fieldNames(responses)
                  + ")"));
      return violations;
    }
    Resolved responseObject = resolve(op.pointer() + "/responses/" + escape(key));
    validateResponseHeaders(responseObject, response, violations);
    JsonNode content = responseObject.node().path("content");
    if (content.isObject() && content.size() > 0) {
      String contentType = response.header("Content-Type").orElse(null);
      if (contentType == null) {
        violations.add(
            new Violation(
                "response.header.Content-Type", "is missing; documented: " + fieldNames(content)));
        return violations;
      }
      Optional<String> mediaType = matchMediaType(content, contentType);
      if (mediaType.isEmpty()) {
        violations.add(
            new Violation(
                "response.header.Content-Type",
                "'"
                    + contentType
                    + "' is not documented for "
                    + code
                    + " (documented: "
                    + fieldNames(content)
                    + ")"));
        return violations;
      }
      String mediaPointer = responseObject.pointer() + "/content/" + escape(mediaType.get());
      if (content.path(mediaType.get()).has("schema") && isJson(mediaType.get())) {
        validateJson("response.body", response.body(), mediaPointer + "/schema", violations);
      }
    }
    return violations;
  }

  private void validateParameter(
      Parameter parameter,
      HttpRequestRecord request,
      Map<String, String> pathValues,
      List<Violation> violations) {
    String where = "request." + parameter.in() + "." + parameter.name();
    String raw =
        switch (parameter.in()) {
          case "query" -> request.query().get(parameter.name());
          case "header" -> request.headers().get(parameter.name());
          case "path" -> pathValues.get(parameter.name());
          default -> {
            violations.add(
                new Violation(
                    where,
                    "parameters in " + parameter.in() + " are not supported by this harness"));
            yield null;
          }
        };
    if (raw == null) {
      if (parameter.node().path("required").asBoolean(false) || parameter.in().equals("path")) {
        violations.add(new Violation(where, "is required but missing"));
      }
      return;
    }
    if (parameter.node().has("content")) {
      JsonNode content = parameter.node().get("content");
      String mediaType = content.fieldNames().next();
      validateJson(
          where,
          raw,
          parameter.pointer() + "/content/" + escape(mediaType) + "/schema",
          violations);
      return;
    }
    if (!parameter.node().has("schema")) {
      return;
    }
    String schemaPointer = parameter.pointer() + "/schema";
    List<String> types = types(resolve(schemaPointer).node());
    if (types.contains("array") || types.contains("object")) {
      violations.add(
          new Violation(where, "array and object parameters are not supported by this harness"));
      return;
    }
    report(where, schema(schemaPointer).validate(typed(raw, types)), violations);
  }

  /** The JSON value a parameter string stands for, per the schema's allowed types. */
  private static JsonNode typed(String raw, List<String> types) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (types.contains("integer") && INTEGER.matcher(raw).matches()) {
      return nodes.numberNode(new BigInteger(raw));
    }
    if (types.contains("number") && NUMBER.matcher(raw).matches()) {
      return nodes.numberNode(new BigDecimal(raw));
    }
    if (types.contains("boolean") && (raw.equals("true") || raw.equals("false"))) {
      return nodes.booleanNode(Boolean.parseBoolean(raw));
    }
    return nodes.textNode(raw);
  }

  private void validateSecurity(
      Operation op, HttpRequestRecord request, List<Violation> violations) {
    JsonNode requirements =
        op.node().has("security") ? op.node().get("security") : document.path("security");
    if (!requirements.isArray() || requirements.isEmpty()) {
      return;
    }
    List<String> unmet = new ArrayList<>();
    for (JsonNode requirement : requirements) {
      List<String> missing = new ArrayList<>();
      for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode scheme = document.at("/components/securitySchemes/" + escape(name));
        securityProblem(name, scheme, request).ifPresent(missing::add);
      }
      if (missing.isEmpty()) {
        return; // one satisfied requirement object is enough
      }
      unmet.add(String.join(" and ", missing));
    }
    violations.add(
        new Violation(
            "request.security", "no security requirement is met: " + String.join("; or ", unmet)));
  }

  private static Optional<String> securityProblem(
      String name, JsonNode scheme, HttpRequestRecord request) {
    String type = scheme.path("type").asText("");
    String authorization = request.headers().get("Authorization");
    switch (type) {
      case "http" -> {
        String wanted = scheme.path("scheme").asText("");
        Pattern credentials = Pattern.compile("(?i)" + Pattern.quote(wanted) + " +\\S.*");
        return authorization != null && credentials.matcher(authorization.strip()).matches()
            ? Optional.empty()
            : Optional.of(
                name + " needs 'Authorization: " + capitalized(wanted) + " <credentials>'");
      }
      case "apiKey" -> {
        String param = scheme.path("name").asText();
        boolean present =
            switch (scheme.path("in").asText()) {
              case "header" -> request.headers().containsKey(param);
              case "query" -> request.query().containsKey(param);
              default -> false;
            };
        return present
            ? Optional.empty()
            : Optional.of(name + " needs " + scheme.path("in").asText() + " " + param);
      }
      case "oauth2", "openIdConnect" -> {
        return authorization != null
                && authorization.strip().regionMatches(true, 0, "Bearer ", 0, 7)
            ? Optional.empty()
            : Optional.of(name + " needs a Bearer token");
      }
      default -> {
        return Optional.of(name + " has unknown security scheme type '" + type + "'");
      }
    }
  }

  private void validateRequestBody(
      Operation op, HttpRequestRecord request, List<Violation> violations) {
    if (!op.node().has("requestBody")) {
      return;
    }
    Resolved body = resolve(op.pointer() + "/requestBody");
    if (request.body() == null || request.body().isEmpty()) {
      if (body.node().path("required").asBoolean(false)) {
        violations.add(new Violation("request.body", "is required but missing"));
      }
      return;
    }
    JsonNode content = body.node().path("content");
    String contentType = request.headers().get("Content-Type");
    Optional<String> mediaType =
        contentType == null ? Optional.empty() : matchMediaType(content, contentType);
    if (mediaType.isEmpty()) {
      violations.add(
          new Violation(
              "request.header.Content-Type",
              "'" + contentType + "' is not documented (documented: " + fieldNames(content) + ")"));
      return;
    }
    if (content.path(mediaType.get()).has("schema") && isJson(mediaType.get())) {
      validateJson(
          "request.body",
          request.body(),
          body.pointer() + "/content/" + escape(mediaType.get()) + "/schema",
          violations);
    }
  }

  private void validateResponseHeaders(
      Resolved responseObject, HttpResponseRecord response, List<Violation> violations) {
    JsonNode headers = responseObject.node().path("headers");
    for (Iterator<String> names = headers.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equalsIgnoreCase("Content-Type")) {
        continue; // OpenAPI: a Content-Type response header definition is ignored
      }
      Resolved header = resolve(responseObject.pointer() + "/headers/" + escape(name));
      String where = "response.header." + name;
      Optional<String> value = response.header(name);
      if (value.isEmpty()) {
        if (header.node().path("required").asBoolean(false)) {
          violations.add(new Violation(where, "is required but missing"));
        }
        continue;
      }
      if (header.node().has("schema")) {
        String schemaPointer = header.pointer() + "/schema";
        report(
            where,
            schema(schemaPointer)
                .validate(typed(value.get(), types(resolve(schemaPointer).node()))),
            violations);
      }
    }
  }

  private void validateJson(
      String where, String text, String schemaPointer, List<Violation> violations) {
    JsonNode value;
    try {
      value = JSON.readTree(text == null ? "" : text);
    } catch (JsonProcessingException e) {
      violations.add(new Violation(where, "is not valid JSON: " + e.getOriginalMessage()));
      return;
    }
    if (value == null || value.isMissingNode()) {
      violations.add(new Violation(where, "is empty, expected JSON"));
      return;
    }
    report(where, schema(schemaPointer).validate(value), violations);
  }

  private static void report(String where, List<Error> errors, List<Violation> violations) {
    for (Error error : errors) {
      String location = error.getInstanceLocation().toString();
      String suffix =
          location.isEmpty() || location.equals("$")
              ? ""
              : location.startsWith("/") ? location : "/" + location;
      violations.add(
          new Violation(
              where + suffix,
              error.getMessage() + " [" + error.getSchemaLocation().getFragment() + "]"));
    }
  }

  private Schema schema(String pointer) {
    return schemas.computeIfAbsent(
        pointer, p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p)));
  }

  // ---- Document navigation ----

  private record Match(Operation operation, Map<String, String> pathValues) {}

  private record Parameter(String name, String in, String pointer, JsonNode node) {}

  /** A node reached through any {@code $ref}s, with the pointer where it really lives. */
  private record Resolved(String pointer, JsonNode node) {}

  private Optional<Match> match(String method, String path) {
    return match(method, path, new ArrayList<>());
  }

  private Optional<Match> match(String method, String fullPath, List<Violation> violations) {
    if (!fullPath.startsWith(basePath + "/") && !fullPath.equals(basePath)) {
      violations.add(
          new Violation(
              "request.path", fullPath + " is not under the server base path " + basePath));
      return Optional.empty();
    }
    String path = fullPath.substring(basePath.length());
    String lower = method.toLowerCase(Locale.ROOT);
    // Concrete paths win over templated ones (OpenAPI 3.1, Paths Object).
    List<Map.Entry<String, JsonNode>> candidates = new ArrayList<>();
    candidates.addAll(document.path("paths").properties());
    candidates.sort((a, b) -> Boolean.compare(a.getKey().contains("{"), b.getKey().contains("{")));
    for (Map.Entry<String, JsonNode> candidate : candidates) {
      Map<String, String> values = new LinkedHashMap<>();
      if (!pathMatches(candidate.getKey(), path, values)) {
        continue;
      }
      JsonNode item = candidate.getValue();
      if (!item.has(lower)) {
        violations.add(
            new Violation(
                "request.method",
                method
                    + " is not documented for "
                    + candidate.getKey()
                    + " (documented: "
                    + methods(item)
                    + ")"));
        return Optional.empty();
      }
      return Optional.of(new Match(operation(candidate.getKey(), lower, item.get(lower)), values));
    }
    violations.add(new Violation("request.path", path + " matches no path of the document"));
    return Optional.empty();
  }

  private static boolean pathMatches(String template, String path, Map<String, String> values) {
    Matcher names = PATH_TEMPLATE.matcher(template);
    StringBuilder regex = new StringBuilder();
    List<String> order = new ArrayList<>();
    int last = 0;
    while (names.find()) {
      regex.append(Pattern.quote(template.substring(last, names.start()))).append("([^/]+)");
      order.add(names.group(1));
      last = names.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    Matcher m = Pattern.compile(regex.toString()).matcher(path);
    if (!m.matches()) {
      return false;
    }
    for (int i = 0; i < order.size(); i++) {
      values.put(order.get(i), m.group(i + 1));
    }
    return true;
  }

  private Operation operation(String pathTemplate, String method, JsonNode node) {
    String pointer = "/paths/" + escape(pathTemplate) + "/" + method;
    return new Operation(
        node.path("operationId").asText(method + " " + pathTemplate),
        method,
        pathTemplate,
        pointer,
        node);
  }

  /** Path-item parameters overridden by operation parameters of the same name and location. */
  private Map<String, Parameter> parameters(Operation op) {
    Map<String, Parameter> result = new LinkedHashMap<>();
    String itemPointer = "/paths/" + escape(op.pathTemplate());
    for (String listPointer : List.of(itemPointer + "/parameters", op.pointer() + "/parameters")) {
      JsonNode list = document.at(listPointer);
      for (int i = 0; i < list.size(); i++) {
        Resolved p = resolve(listPointer + "/" + i);
        String name = p.node().path("name").asText();
        String in = p.node().path("in").asText();
        result.put(key(in, name), new Parameter(name, in, p.pointer(), p.node()));
      }
    }
    return result;
  }

  private Resolved resolve(String pointer) {
    String current = pointer;
    for (int hops = 0; hops < 16; hops++) {
      JsonNode node = document.at(current);
      if (node.isMissingNode()) {
        throw new IllegalStateException("The OpenAPI document has nothing at #" + current);
      }
      JsonNode ref = node.get("$ref");
      if (ref == null || !ref.isTextual() || node.has("type") || node.has("properties")) {
        return new Resolved(current, node);
      }
      String target = ref.asText();
      if (!target.startsWith("#")) {
        throw new IllegalStateException(
            "Only local $refs are supported, got " + target + " at #" + current);
      }
      current = target.substring(1);
    }
    throw new IllegalStateException("$ref chain too long at #" + pointer);
  }

  private static List<String> types(JsonNode schema) {
    JsonNode type = schema.get("type");
    List<String> types = new ArrayList<>();
    if (type == null) {
      return types;
    }
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return types;
  }

  private static Optional<String> matchMediaType(JsonNode content, String contentType) {
    String actual = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    String wildcard =
        actual.contains("/") ? actual.substring(0, actual.indexOf('/')) + "/*" : actual;
    for (String candidate : List.of(actual, wildcard, "*/*")) {
      for (Iterator<String> names = content.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (name.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(candidate)) {
          return Optional.of(name);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isJson(String mediaType) {
    String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return type.equals("application/json") || type.endsWith("+json") || type.equals("*/*");
  }

  private static String basePathOf(JsonNode document) {
    JsonNode servers = document.path("servers");
    if (!servers.isArray() || servers.isEmpty()) {
      return "";
    }
    String path = URI.create(servers.get(0).path("url").asText("/")).getPath();
    return path == null || path.equals("/") ? "" : path.replaceAll("/+$", "");
  }

  private static boolean isHttpMethod(String name) {
    return List.of("get", "put", "post", "delete", "options", "head", "patch", "trace")
        .contains(name);
  }

  private static String methods(JsonNode pathItem) {
    List<String> methods = new ArrayList<>();
    pathItem
        .fieldNames()
        .forEachRemaining(
            n -> {
              if (isHttpMethod(n)) {
                methods.add(n.toUpperCase(Locale.ROOT));
              }
            });
    return String.join(", ", methods);
  }

  private static String fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  private static String declaredNames(Map<String, Parameter> declared, String in) {
    return String.join(
        ", ",
        declared.values().stream().filter(p -> p.in().equals(in)).map(Parameter::name).toList());
  }

  private static String key(String in, String name) {
    // Header names are case-insensitive; query and path names are not.
    return in + ":" + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
  }

  private static String capitalized(String word) {
    return word.isEmpty()
        ? word
        : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
  }

  static String escape(String pointerToken) {
    return pointerToken.replace("~", "~0").replace("/", "~1");
  }

  private static Map<String, String> caseInsensitive(Map<String, String> headers) {
    Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    result.putAll(headers);
    return java.util.Collections.unmodifiableMap(result);
  }
}
