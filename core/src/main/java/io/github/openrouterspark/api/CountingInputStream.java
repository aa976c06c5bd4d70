package io.github.openrouterspark.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read through it into {@link RequestMetrics}, and remembers how reading ended: at
 * the end of the body, or with a failure of the connection. The client needs that to tell a body
 * cut by the network (worth a retry) from one that arrived whole but wrong (not).
 */
final class CountingInputStream extends FilterInputStream {
  private final RequestMetrics metrics;
  private long bytes;
  private boolean ended;
  private IOException failure;
  private boolean closed;

  CountingInputStream(InputStream in, RequestMetrics metrics) {
    super(in);
    this.metrics = metrics;
  }

  @Override
  public int read() throws IOException {
    int b;
    try {
      b = super.read();
    } catch (IOException e) {
      failed(e);
      throw e;
    }
    if (b >= 0) {
      counted(1);
    } else {
      ended = true;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n;
    try {
      n = super.read(buffer, offset, length);
    } catch (IOException e) {
      failed(e);
      throw e;
    }
    if (n > 0) {
      counted(n);
    } else if (n < 0) {
      ended = true;
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    super.close();
  }

  /** A read after the decoder closed the body is the decoder's doing, not the connection's. */
  private void failed(IOException e) {
    if (!closed) {
      failure = e;
    }
  }

  private void counted(int n) {
    bytes += n;
    metrics.read(n);
  }

  /** Body bytes read so far. */
  long bytes() {
    return bytes;
  }

  /** True once the body was read to its end (for a framed body, its framing said so). */
  boolean ended() {
    return ended;
  }

  /** True once the body was closed (by its decoder, possibly before its end). */
  boolean closed() {
    return closed;
  }

  /** The connection's failure while the body was read, or null. */
  IOException failure() {
    return failure;
  }
}
