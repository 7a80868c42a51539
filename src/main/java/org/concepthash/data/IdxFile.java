package org.concepthash.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file (the MNIST format), gzip-compressed or not: a big-endian header of magic number
 * {@code 0x0000 08 D} (unsigned bytes, D dimensions), then D int32 sizes, then the bytes in
 * row-major order. Images are 3-D (N x rows x cols), labels 1-D (N).
 *
 * @param dims the D sizes
 * @param data the payload, product(dims) bytes
 */
record IdxFile(int[] dims, byte[] data) {

  private static final int UNSIGNED_BYTE = 0x08;

  /**
   * Reads {@code file} and checks it has {@code expectedDims} dimensions and exactly its payload.
   */
  static IdxFile read(Path file, int expectedDims) throws DatasetFormatException {
    byte[] bytes;
    try (InputStream in = open(file)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new DatasetFormatException(file, "cannot read: " + e.getMessage(), e);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    if (bytes.length < 4 + 4 * expectedDims) {
      throw new DatasetFormatException(
          file, "too short for an IDX header (" + bytes.length + " bytes)");
    }
    int magic = buffer.getInt();
    if (magic >>> 16 != 0
        || ((magic >> 8) & 0xFF) != UNSIGNED_BYTE
        || (magic & 0xFF) != expectedDims) {
      throw new DatasetFormatException(
          file,
          String.format(
              "IDX magic number 0x%08x, expected 0x%08x (unsigned bytes, %d dimensions)",
              magic, (UNSIGNED_BYTE << 8) | expectedDims, expectedDims));
    }
    int[] dims = new int[expectedDims];
    long payload = 1;
    for (int d = 0; d < expectedDims; d++) {
      dims[d] = buffer.getInt();
      if (dims[d] < 0) {
        throw new DatasetFormatException(file, "negative size in dimension " + d);
      }
      payload *= dims[d];
    }
    if (buffer.remaining() != payload) {
      throw new DatasetFormatException(
          file, "header promises " + payload + " data bytes, file has " + buffer.remaining());
    }
    byte[] data = new byte[(int) payload];
    buffer.get(data);
    return new IdxFile(dims, data);
  }

  private static InputStream open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DatasetFormatException(file, "file not found");
    }
    InputStream in = Files.newInputStream(file);
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
  }
}
