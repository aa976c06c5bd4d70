package io.github.openrouterspark.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes read through it into {@link RequestMetrics}. */
final class CountingInputStream extends FilterInputStream {
  private final RequestMetrics metrics;

  CountingInputStream(InputStream in, RequestMetrics metrics) {
    super(in);
    this.metrics = metrics;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      metrics.read(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      metrics.read(n);
    }
    return n;
  }
}
