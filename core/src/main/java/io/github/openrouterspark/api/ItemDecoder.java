package io.github.openrouterspark.api;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Decodes one element of a dataset response's {@code data} array in place: the cursor positions the
 * parser on each field's value and the decoder keeps what it needs. Decoders are reused for every
 * item, so decoding allocates no item object per row (the duplicate check keeps only each row's
 * identifying keys, see {@link UniqueKeys}).
 */
public interface ItemDecoder {

  /** Called before the fields of a new item. */
  void begin();

  /**
   * Reads the value the parser is positioned on. Returns false for fields the decoder does not
   * know, which the cursor then skips (the API may add fields within v1).
   */
  boolean field(String name, JsonParser parser) throws IOException;

  /** Called after the last field; returns the name of a missing required field, or null. */
  String missingField();

  /**
   * Records the current (complete) item's identifying keys, which the dataset lists at most once
   * per response; a repeated key fails.
   */
  void addKeys(UniqueKeys keys, long index);
}
