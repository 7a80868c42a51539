package org.concepthash.catalog.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Counts, hashes (SHA-256) and counts newlines of what passes to an archive entry; close() does not
 * close the archive underneath.
 */
final class DigestingOutput extends FilterOutputStream {

  private final MessageDigest sha256;
  private long size;
  private long newlines;

  DigestingOutput(OutputStream entry) {
    super(entry);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    sha256.update((byte) b);
    size++;
    if (b == '\n') {
      newlines++;
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    sha256.update(b, off, len);
    size += len;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        newlines++;
      }
    }
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }

  long size() {
    return size;
  }

  /** Rows of a COPY text stream: one line each (newlines inside values are escaped as \n). */
  long newlines() {
    return newlines;
  }

  String sha256() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
