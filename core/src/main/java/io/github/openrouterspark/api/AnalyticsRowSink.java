package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Receives the rows of an analytics response as they stream in, field by field, so a caller can
 * build its own row type (a Spark row) without an intermediate object per row.
 */
public interface AnalyticsRowSink {
  void startRow();

  /**
   * One field of the current row; the parser is on its value (a scalar, or null). A sink that does
   * not want the field returns false and the value is skipped.
   */
  boolean field(String name, JsonParser value) throws IOException;

  void endRow();
}
