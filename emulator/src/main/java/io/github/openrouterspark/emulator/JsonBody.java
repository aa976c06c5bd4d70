package io.github.openrouterspark.emulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** A response body that streams itself as JSON, so large datasets never sit in a buffer. */
@FunctionalInterface
interface JsonBody {
  void writeTo(JsonGenerator json) throws IOException;
}
