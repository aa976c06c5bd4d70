package io.github.openrouterspark.store;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The file format of one stored response: a short text header (format, which request, until when,
 * the body's length and SHA-256), a blank line, then the body as the API sent it. The header lets a
 * reader reject a file that is foreign (another request's, another format's), expired, torn by a
 * crash or corrupted, without trusting anything in it.
 */
final class StoreEntry {
  static final String MAGIC = "openrouter-spark response v1";
  private static final int MAX_HEADER_LINE = 256;

  /** What the header says. {@code expiresAtMillis} is {@link Long#MAX_VALUE} for final data. */
  record Header(String request, long expiresAtMillis, long length, String sha256) {}

  private StoreEntry() {}

  static byte[] encode(String request, long expiresAtMillis, byte[] body) {
    String header =
        MAGIC
            + "\nrequest "
            + request
            + "\nexpires "
            + (expiresAtMillis == Long.MAX_VALUE ? "never" : Long.toString(expiresAtMillis))
            + "\nlength "
            + body.length
            + "\nsha256 "
            + HexFormat.of().formatHex(sha256().digest(body))
            + "\n\n";
    byte[] head = header.getBytes(StandardCharsets.US_ASCII);
    byte[] file = new byte[head.length + body.length];
    System.arraycopy(head, 0, file, 0, head.length);
    System.arraycopy(body, 0, file, head.length, body.length);
    return file;
  }

  /** Reads the header off {@code in}; throws if it is not one this version wrote. */
  static Header readHeader(InputStream in) throws IOException {
    if (!MAGIC.equals(line(in))) {
      throw new IOException("not a response entry of this format");
    }
    String request = field(line(in), "request");
    String expires = field(line(in), "expires");
    long length = Long.parseLong(field(line(in), "length"));
    String sha = field(line(in), "sha256");
    if (!line(in).isEmpty() || length < 0) {
      throw new IOException("malformed entry header");
    }
    try {
      return new Header(
          request, expires.equals("never") ? Long.MAX_VALUE : Long.parseLong(expires), length, sha);
    } catch (NumberFormatException e) {
      throw new IOException("malformed entry header", e);
    }
  }

  /**
   * The body that follows the header, which fails with an IOException at its end if it is shorter,
   * or its digest differs from the header's: the caller must read it to the end before trusting
   * what it decoded.
   */
  static InputStream verifiedBody(InputStream in, Header header) {
    return new VerifyingStream(in, header);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0 || line.size() >= MAX_HEADER_LINE) {
        throw new IOException("truncated or malformed entry header");
      }
      line.write(b);
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private static String field(String line, String name) throws IOException {
    if (!line.startsWith(name + " ")) {
      throw new IOException("entry header lacks " + name);
    }
    return line.substring(name.length() + 1);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static final class VerifyingStream extends FilterInputStream {
    private final Header header;
    private final MessageDigest digest = sha256();
    private long remaining;
    private boolean verified;

    VerifyingStream(InputStream in, Header header) {
      super(in);
      this.header = header;
      this.remaining = header.length();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (remaining == 0) {
        verify();
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, remaining));
      if (n < 0) {
        throw new IOException(
            "stored entry ends " + remaining + " bytes early (torn write or truncated file)");
      }
      digest.update(buffer, offset, n);
      remaining -= n;
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    @Override
    public int available() {
      return 0;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void verify() throws IOException {
      if (!verified) {
        if (!HexFormat.of().formatHex(digest.digest()).equals(header.sha256())) {
          throw new IOException("stored entry's body does not match its SHA-256 (corrupted)");
        }
        verified = true;
      }
    }
  }
}
