package io.github.openrouterspark.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.openrouterspark.contract.OpenApiValidator.HttpRequestRecord;
import io.github.openrouterspark.contract.OpenApiValidator.HttpResponseRecord;
import io.github.openrouterspark.contract.OpenApiValidator.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the harness can fail: hand-written requests and bodies that break the OpenAPI document in
 * known ways must be reported, at the right place, and their conforming twins must not be. Without
 * these, a contract test that passes could just be a validator that accepts everything.
 */
class OpenApiValidatorTest {
  private static final String RANKINGS = "/api/v1/datasets/rankings-daily";
  private static final String APPS = "/api/v1/datasets/app-rankings";
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer sk-test");
  private static final String VALID_BODY =
      """
      {"data":[{"date":"2026-05-11","model_permaslug":"openai/gpt-4o-2024-05-13","total_tokens":"12345678"},
               {"date":"2026-05-11","model_permaslug":"other","total_tokens":"4321098"}],
       "meta":{"as_of":"2026-05-12T02:00:00.000Z","version":"v1","start_date":"2026-04-12","end_date":"2026-05-11"}}
      """;

  private static OpenApiValidator validator;

  @BeforeAll
  static void loadSpec() {
    validator = OpenApiValidator.forVendoredSpec();
  }

  private static List<Violation> response(
      String path, int status, String contentType, String body) {
    return validator.validateResponse(
        new HttpRequestRecord("GET", path, Map.of(), AUTH, null),
        new HttpResponseRecord(status, Map.of("Content-Type", contentType), body));
  }

  private static List<Violation> request(
      String path, Map<String, String> query, Map<String, String> headers) {
    return validator.validateRequest(new HttpRequestRecord("GET", path, query, headers, null));
  }

  private static void assertReported(List<Violation> violations, String where, String messagePart) {
    assertTrue(
        violations.stream()
            .anyMatch(v -> v.where().equals(where) && v.message().contains(messagePart)),
        () ->
            "expected a violation at "
                + where
                + " mentioning '"
                + messagePart
                + "', got "
                + violations);
  }

  @Test
  void theSpecIsTheOpenApi31ExcerptWithTheDatasetOperations() {
    assertTrue(validator.document().path("openapi").asText().startsWith("3.1."));
    assertEquals("/api/v1", validator.basePath());
    List<String> ids =
        validator.operations().stream().map(OpenApiValidator.Operation::operationId).toList();
    assertTrue(ids.containsAll(List.of("getRankingsDaily", "getAppRankings")), ids::toString);
  }

  @Test
  void acceptsTheSpecsOwnExampleShapes() {
    assertEquals(List.of(), response(RANKINGS, 200, "application/json", VALID_BODY));
    assertEquals(List.of(), response(RANKINGS, 200, "application/json; charset=utf-8", VALID_BODY));
    assertEquals(
        List.of(),
        response(
            RANKINGS,
            400,
            "application/json",
            "{\"error\":{\"code\":400,\"message\":\"Invalid request parameters\",\"metadata\":null},\"user_id\":null}"));
  }

  @Test
  void validatorRejectsANonConformingBody() {
    // total_tokens is a decimal string in the spec; a JSON number must be caught.
    String numeric =
        VALID_BODY.replace("\"total_tokens\":\"12345678\"", "\"total_tokens\":12345678");
    List<Violation> violations = response(RANKINGS, 200, "application/json", numeric);
    assertEquals(1, violations.size(), violations::toString);
    assertReported(violations, "response.body/data/0/total_tokens", "string");
  }

  @Test
  void rejectsMissingRequiredMembersAndWrongEnumValues() {
    String broken =
        VALID_BODY
            .replace("\"version\":\"v1\"", "\"version\":\"v2\"")
            .replace(",\"end_date\":\"2026-05-11\"", "");
    List<Violation> violations = response(RANKINGS, 200, "application/json", broken);
    assertReported(violations, "response.body/meta/version", "v1");
    assertReported(violations, "response.body/meta", "end_date");
    assertReported(
        response(RANKINGS, 200, "application/json", "{\"data\":[]}"), "response.body", "meta");
  }

  @Test
  void enforcesOpenApi31TypeArraysInErrorBodies() {
    // user_id and error.metadata are type: [string|object, "null"]: null passes, other types fail.
    assertReported(
        response(
            RANKINGS,
            400,
            "application/json",
            "{\"error\":{\"code\":400,\"message\":\"m\"},\"user_id\":5}"),
        "response.body/user_id",
        "null");
    assertReported(
        response(
            RANKINGS,
            429,
            "application/json",
            "{\"error\":{\"code\":429,\"message\":\"m\",\"metadata\":\"x\"}}"),
        "response.body/error/metadata",
        "object");
    assertReported(
        response(
            RANKINGS, 401, "application/json", "{\"error\":{\"code\":\"401\",\"message\":\"m\"}}"),
        "response.body/error/code",
        "integer");
  }

  @Test
  void rejectsUndocumentedStatusesContentTypesAndNonJson() {
    assertReported(
        response(RANKINGS, 404, "application/json", "{}"),
        "response.status",
        "not a documented response");
    assertReported(
        response(RANKINGS, 200, "text/plain", VALID_BODY),
        "response.header.Content-Type",
        "text/plain");
    assertReported(
        response(RANKINGS, 200, "application/json", VALID_BODY + "}"),
        "response.body",
        "not valid JSON");
    assertReported(response(RANKINGS, 200, "application/json", ""), "response.body", "empty");
    assertReported(
        response(RANKINGS, 200, "application/json", "{\"data\":[],\"data\":[],\"meta\":{}}"),
        "response.body",
        "not valid JSON");
  }

  @Test
  void checksQueryParametersAgainstTheirSchemas() {
    assertEquals(
        List.of(), request(RANKINGS, Map.of("start_date", "2026-04-12", "period", "week"), AUTH));
    assertReported(
        request(RANKINGS, Map.of("start_date", "2026/04/12"), AUTH),
        "request.query.start_date",
        "pattern");
    assertReported(
        request(RANKINGS, Map.of("period", "year"), AUTH), "request.query.period", "enumeration");
    assertReported(
        request(RANKINGS, Map.of("period", ""), AUTH), "request.query.period", "enumeration");
    assertReported(
        request(RANKINGS, Map.of("limit", "5"), AUTH), "request.query.limit", "not a parameter");
  }

  @Test
  void coercesQueryStringsPerSchemaTypeIncludingTypeArrays() {
    // offset is type: [integer, "null"], 0-100; limit is integer 1-100.
    assertEquals(List.of(), request(APPS, Map.of("offset", "50", "limit", "100"), AUTH));
    assertReported(request(APPS, Map.of("offset", "abc"), AUTH), "request.query.offset", "integer");
    assertReported(request(APPS, Map.of("offset", "101"), AUTH), "request.query.offset", "100");
    assertReported(request(APPS, Map.of("limit", "0"), AUTH), "request.query.limit", "1");
    assertReported(request(APPS, Map.of("limit", "1.5"), AUTH), "request.query.limit", "integer");
  }

  @Test
  void checksTheBearerSecurityRequirementAndHeaderParameters() {
    assertReported(request(RANKINGS, Map.of(), Map.of()), "request.security", "Bearer");
    assertReported(
        request(RANKINGS, Map.of(), Map.of("Authorization", "Basic abc")),
        "request.security",
        "Bearer");
    assertEquals(
        List.of(),
        request(
            RANKINGS, Map.of(), Map.of("authorization", "bearer k", "x-openrouter-title", "t")));
  }

  @Test
  void reportsRequestsOutsideTheDocument() {
    assertReported(
        request("/api/v1/datasets/nope", Map.of(), AUTH), "request.path", "matches no path");
    assertReported(
        request("/v2/datasets/rankings-daily", Map.of(), AUTH), "request.path", "base path");
    assertReported(
        validator.validateRequest(new HttpRequestRecord("DELETE", RANKINGS, Map.of(), AUTH, null)),
        "request.method",
        "DELETE");
  }

  @Test
  void failsLoudlyWhenTheSpecIsMissing() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> OpenApiValidator.readResource("/openapi/absent.yaml"));
    assertTrue(e.getMessage().contains("missing"), e::getMessage);
  }

  @Test
  void theVendoredSpecNamesItsOriginAndLicence() {
    String spec = OpenApiValidator.readResource(OpenApiValidator.SPEC_RESOURCE);
    assertTrue(spec.startsWith("# Vendored"), "header first");
    assertTrue(spec.contains("Origin: github.com/OpenRouterTeam/typescript-sdk"), "origin named");
    assertTrue(spec.contains("name: MIT"), "licence kept");
  }

  @Test
  void rejectsADocumentThatIsNotOpenApi31(@TempDir Path dir) throws Exception {
    Path old =
        Files.writeString(
            dir.resolve("old.yaml"), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    assertThrows(IllegalArgumentException.class, () -> OpenApiValidator.load(old));
  }
}
