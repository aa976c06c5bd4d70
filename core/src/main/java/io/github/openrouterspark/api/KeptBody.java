package io.github.openrouterspark.api;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One copy of a response body, kept for a second pass over it: in memory while it is small, in a
 * temporary file once it outgrows {@link #IN_MEMORY_BYTES}, so a large response does not stay on
 * the heap. The file's name is random and its content is the body alone (never the key or the
 * request); {@link #close()} deletes it, and the owner must close it however the read ends.
 */
public final class KeptBody implements Closeable {
  /** Bodies up to this size stay on the heap; a file would cost more than it saves. */
  public static final int IN_MEMORY_BYTES = 256 * 1024;

  private final Path dir;
  private ByteArrayOutputStream memory = new ByteArrayOutputStream();
  private Path file;
  private OutputStream fileOut;
  private long size;
  private boolean complete;
  private boolean ended;
  private boolean closed;

  /**
   * @param dir where a body larger than {@link #IN_MEMORY_BYTES} is written; null for {@code
   *     java.io.tmpdir}
   */
  KeptBody(Path dir) {
    this.dir = dir;
  }

  /** {@code body}, passed through while every byte read is kept here. */
  InputStream keeping(InputStream body) {
    return new FilterInputStream(body) {
      @Override
      public int read() throws IOException {
        if (ended) {
          return -1;
        }
        int b = super.read();
        if (b >= 0) {
          write(new byte[] {(byte) b}, 0, 1);
        } else {
          ended = true;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
          return -1;
        }
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          write(buffer, offset, n);
        } else if (n < 0) {
          ended = true;
        }
        return n;
      }

      @Override
      public void close() throws IOException {
        // A JSON parser closes its source at the end of input; the rest is the caller's to close.
        if (!ended) {
          super.close();
        }
      }

      @Override
      public long skip(long n) throws IOException {
        // Skipped bytes must be kept too: read them instead.
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 0))];
        long skipped = 0;
        while (skipped < n) {
          int got = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
          if (got < 0) {
            break;
          }
          skipped += got;
        }
        return skipped;
      }
    };
  }

  private void write(byte[] buffer, int offset, int n) throws IOException {
    if (complete || closed) {
      throw new IllegalStateException("the body is no longer being kept");
    }
    size += n;
    if (fileOut == null && memory.size() + n > IN_MEMORY_BYTES) {
      file =
          Files.createTempFile(
              dir == null ? Path.of(System.getProperty("java.io.tmpdir")) : dir,
              "openrouter-body-",
              ".json");
      fileOut = Files.newOutputStream(file);
      memory.writeTo(fileOut);
      memory = null;
    }
    if (fileOut != null) {
      fileOut.write(buffer, offset, n);
    } else {
      memory.write(buffer, offset, n);
    }
  }

  /** Ends the copy, which must have been read to the body's end. */
  KeptBody complete() throws IOException {
    if (!ended) {
      throw new IllegalStateException("the body was not read to its end");
    }
    if (fileOut != null) {
      fileOut.close();
    }
    complete = true;
    return this;
  }

  /** A new stream over the whole kept body. */
  public InputStream open() throws IOException {
    if (!complete || closed) {
      throw new IllegalStateException(
          closed ? "the kept body was deleted" : "the body is incomplete");
    }
    return file == null
        ? new ByteArrayInputStream(memory.toByteArray())
        : new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
  }

  /**
   * A cursor over the kept body of {@code request}, which was decoded and validated completely
   * already: the per-response duplicate check is not repeated, so the second pass holds nothing per
   * row.
   */
  public <I extends ItemDecoder> DatasetResponseCursor<I> reopen(ApiRequest request, I decoder)
      throws IOException {
    return DatasetResponseCursor.validated(
        Objects.requireNonNull(request, "request"), open(), decoder);
  }

  /** The body's length in bytes. */
  public long size() {
    return size;
  }

  /** Whether the body went to a file rather than staying on the heap. */
  public boolean spilled() {
    return file != null;
  }

  /** Frees the copy: deletes its file, if any. Idempotent. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    memory = null;
    try {
      if (fileOut != null) {
        fileOut.close();
      }
    } finally {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    }
  }

  void closeQuietly() {
    try {
      close();
    } catch (IOException | RuntimeException ignored) {
      // Cleaning up after another failure, which is what matters.
    }
  }
}
