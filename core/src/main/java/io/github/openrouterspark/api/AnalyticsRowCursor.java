package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The second pass over an analytics response that {@link AnalyticsClient#queryKept} already read
 * and validated to its end: hands its rows to a sink one at a time, so a caller can return each row
 * as it is decoded instead of holding the response's rows until its metadata. Nothing is checked
 * again (the first pass did), so it holds nothing per row.
 */
public final class AnalyticsRowCursor implements Closeable {
  private static final JsonFactory JSON = new JsonFactory();

  private final ApiRequest request;
  private final JsonParser parser;
  private final AnalyticsRowSink sink;
  private boolean inRows;
  private boolean finished;

  AnalyticsRowCursor(ApiRequest request, KeptBody body, AnalyticsRowSink sink) throws IOException {
    this.request = request;
    this.parser = JSON.createParser(body.open());
    this.sink = sink;
  }

  /** Hands the next row to the sink; false after the last. */
  public boolean next() {
    try {
      if (finished) {
        return false;
      }
      if (!inRows) {
        seekRows();
      }
      JsonToken t = parser.nextToken();
      if (t != JsonToken.START_OBJECT) {
        finished = true;
        return false;
      }
      sink.startRow();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (!sink.field(name, parser)) {
          parser.skipChildren();
        }
      }
      sink.endRow();
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not re-read the kept response of OpenRouter API request " + request, e);
    }
  }

  /** Moves to the first element of {@code data.data}, past members in any order before it. */
  private void seekRows() throws IOException {
    parser.nextToken(); // the response's '{'
    enter("data");
    enter("data");
    inRows = true;
  }

  private void enter(String member) throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      parser.nextToken();
      if (name.equals(member)) {
        return;
      }
      parser.skipChildren();
    }
    throw new IllegalStateException(
        "The kept response of " + request + " has no '" + member + "': it changed after its check");
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
