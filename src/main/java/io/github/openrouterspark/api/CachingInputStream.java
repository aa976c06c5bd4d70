package io.github.openrouterspark.api;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Passes a response body through while keeping a copy; only a body read to its end (a complete
 * response, not one cut by a failure) is stored in the {@link ResponseCache}.
 */
final class CachingInputStream extends FilterInputStream {
  private final String key;
  private final Duration ttl;
  private ByteArrayOutputStream copy = new ByteArrayOutputStream();
  private boolean complete;

  CachingInputStream(InputStream in, String key, Duration ttl) {
    super(in);
    this.key = key;
    this.ttl = ttl;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      complete = true;
    } else {
      keep(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      complete = true;
    } else {
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

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (complete && copy != null) {
        ResponseCache.put(key, copy.toByteArray(), ttl);
      }
      copy = null;
    }
  }
}
