package io.github.openrouterspark.api;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a response body through while keeping a copy. It stores nothing itself: the client puts
 * the copy into the {@link ResponseCache} only once the body was read to its end and decoded and
 * validated without error.
 */
final class CachingInputStream extends FilterInputStream {
  private ByteArrayOutputStream copy = new ByteArrayOutputStream();

  CachingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      keep(buffer, offset, n);
    }
    return n;
  }

  private void keep(byte[] buffer, int offset, int n) {
    if (copy != null) {
      if (copy.size() + n > ResponseCache.MAX_ENTRY_BYTES) {
        copy = null; // too large to keep; still streamed
      } else {
        copy.write(buffer, offset, n);
      }
    }
  }

  /** The bytes read so far, or null when the body was too large to keep. */
  byte[] copy() {
    return copy == null ? null : copy.toByteArray();
  }
}
