package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams a dataset response ({@code {"data":[...],"meta":{...}}}, in either field order) item by
 * item straight from the HTTP body, so no response is ever held whole in memory. {@code meta} is
 * available from the start when the server sends it first, otherwise once {@link #next()} has
 * returned false. Any deviation from the documented shape, including a truncated body, fails with
 * an {@link ApiException} naming the request.
 *
 * @param <I> the decoder that holds the current item
 */
public final class DatasetResponseCursor<I extends ItemDecoder> implements Closeable {
  private static final JsonFactory JSON = new JsonFactory();

  private final ApiRequest request;
  private final InputStream body;
  private final JsonParser parser;
  private final I item;
  private final UniqueKeys keys = new UniqueKeys("data");
  private final boolean checkKeys;

  private boolean started;
  private boolean inData;
  private boolean sawData;
  private boolean finished;
  private long itemIndex = -1;
  private DatasetMeta meta;

  DatasetResponseCursor(ApiRequest request, InputStream body, I item) {
    this(request, body, item, true);
  }

  /**
   * A cursor over a body that an earlier cursor decoded and validated to its end (see {@link
   * KeptBody}): it skips the duplicate check, which is the only per-row state a cursor holds.
   */
  static <I extends ItemDecoder> DatasetResponseCursor<I> validated(
      ApiRequest request, InputStream body, I item) {
    return new DatasetResponseCursor<>(request, body, item, false);
  }

  private DatasetResponseCursor(ApiRequest request, InputStream body, I item, boolean checkKeys) {
    this.checkKeys = checkKeys;
    this.request = request;
    this.body = body;
    this.item = item;
    try {
      this.parser = JSON.createParser(body);
    } catch (IOException e) {
      throw malformed("could not be read: " + e.getMessage(), e);
    }
  }

  /** Advances to the next item; false at the end of the response. */
  public boolean next() {
    try {
      return advance();
    } catch (MalformedResponseException e) {
      throw malformed(position() + e.getMessage(), e);
    } catch (IOException e) {
      throw malformed("is truncated or not valid JSON (" + e.getMessage() + ")", e);
    }
  }

  /** The current item; valid after {@link #next()} returned true. */
  public I item() {
    return item;
  }

  /** The response's meta, or null while it has not been read yet. */
  public DatasetMeta meta() {
    return meta;
  }

  public ApiRequest request() {
    return request;
  }

  private boolean advance() throws IOException {
    if (finished) {
      return false;
    }
    if (!started) {
      started = true;
      expect(parser.nextToken(), JsonToken.START_OBJECT, "the response");
    }
    while (true) {
      if (inData) {
        JsonToken t = parser.nextToken();
        if (t == JsonToken.START_OBJECT) {
          itemIndex++;
          readItem();
          return true;
        }
        expect(t, JsonToken.END_ARRAY, "an element of 'data'");
        inData = false;
        continue;
      }
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_OBJECT) {
        finish();
        return false;
      }
      expect(t, JsonToken.FIELD_NAME, "a field of the response");
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "data" -> {
          expect(value, JsonToken.START_ARRAY, "field 'data'");
          inData = true;
          sawData = true;
        }
        case "meta" -> {
          expect(value, JsonToken.START_OBJECT, "field 'meta'");
          meta = readMeta();
        }
        default -> parser.skipChildren();
      }
    }
  }

  private void readItem() throws IOException {
    item.begin();
    JsonToken t;
    while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL || !item.field(name, parser)) {
        // Unknown fields (and nulls, reported below as missing if required) are skipped.
        parser.skipChildren();
      }
    }
    expect(t, JsonToken.END_OBJECT, "the end of an element of 'data'");
    String missing = item.missingField();
    if (missing != null) {
      throw new MalformedResponseException("required field '" + missing + "' is missing or null");
    }
    if (checkKeys) {
      item.addKeys(keys, itemIndex);
    }
  }

  private DatasetMeta readMeta() throws IOException {
    String asOf = null;
    String version = null;
    String start = null;
    String end = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_NULL) {
        continue;
      }
      switch (name) {
        case "as_of" -> asOf = JsonValues.string("meta.as_of", parser);
        case "version" -> version = JsonValues.string("meta.version", parser);
        case "start_date" -> start = JsonValues.string("meta.start_date", parser);
        case "end_date" -> end = JsonValues.string("meta.end_date", parser);
        default -> parser.skipChildren();
      }
    }
    requirePresent(asOf, "meta.as_of");
    requirePresent(version, "meta.version");
    requirePresent(start, "meta.start_date");
    requirePresent(end, "meta.end_date");
    if (!"v1".equals(version)) {
      throw new MalformedResponseException(
          "meta.version is '"
              + version
              + "' but this connector understands only 'v1'; upgrade the connector");
    }
    return new DatasetMeta(
        JsonValues.instant("meta.as_of", asOf),
        version,
        JsonValues.date("meta.start_date", start),
        JsonValues.date("meta.end_date", end));
  }

  private void finish() throws IOException {
    finished = true;
    if (!sawData) {
      throw new MalformedResponseException("required field 'data' is missing");
    }
    if (meta == null) {
      throw new MalformedResponseException("required field 'meta' is missing");
    }
    if (parser.nextToken() != null) {
      throw new MalformedResponseException("unexpected content after the JSON document");
    }
  }

  private static void requirePresent(String value, String field) {
    if (value == null) {
      throw new MalformedResponseException("required field '" + field + "' is missing or null");
    }
  }

  private static void expect(JsonToken actual, JsonToken expected, String what) {
    if (actual == null) {
      throw new MalformedResponseException("the body ended inside " + what);
    }
    if (actual != expected) {
      throw new MalformedResponseException(
          "expected " + label(expected) + " for " + what + " but found " + label(actual));
    }
  }

  private static String label(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "'{'";
      case END_OBJECT -> "'}'";
      case START_ARRAY -> "'['";
      case END_ARRAY -> "']'";
      case FIELD_NAME -> "a field name";
      default -> t.name().toLowerCase();
    };
  }

  private String position() {
    return itemIndex >= 0 && inData ? "data[" + itemIndex + "]: " : "";
  }

  private ApiException malformed(String detail, Throwable cause) {
    closeQuietly();
    return new ApiException(
        request,
        200,
        "the response body "
            + (detail.startsWith("is ") || detail.startsWith("could") ? "" : "is malformed: ")
            + detail,
        "This is unexpected from the documented API: if it persists, report it with this message.",
        cause);
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // The original failure is what matters.
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (parser != null) {
        parser.close();
      }
    } finally {
      body.close();
    }
  }
}
