package org.concepthash.catalog.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The accepted encodings, detected from the leading bytes only (never the name or Content-Type).
 */
enum ImageType {
  JPEG("jpeg"),
  PNG("png"),
  GIF("gif"),
  BMP("bmp"),
  WEBP("webp");

  /** The ImageIO format name whose readers decode this type. */
  final String formatName;

  ImageType(String formatName) {
    this.formatName = formatName;
  }

  /** Bytes needed to tell every accepted type apart. */
  static final int SNIFF_BYTES = 16;

  static ImageType sniff(byte[] head) throws IngestRefusedException {
    if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    if (startsWith(head, 'G', 'I', 'F', '8') && head.length > 5 && head[5] == 'a') {
      return GIF;
    }
    if (startsWith(head, 'B', 'M') && head.length >= 14) {
      return BMP;
    }
    if (startsWith(head, 'R', 'I', 'F', 'F')
        && head.length >= 12
        && head[8] == 'W'
        && head[9] == 'E'
        && head[10] == 'B'
        && head[11] == 'P') {
      return WEBP;
    }
    String text = new String(head, StandardCharsets.ISO_8859_1).trim().toLowerCase(Locale.ROOT);
    if (text.startsWith("<?xml") || text.startsWith("<svg") || text.startsWith("<!doctype svg")) {
      throw new IngestRefusedException(
          "SVG and other XML documents are not accepted: upload a JPEG, PNG, WebP, BMP or GIF"
              + " image");
    }
    if (head.length == 0) {
      throw new IngestRefusedException("the file is empty");
    }
    throw new IngestRefusedException(
        "not an image: the content is not JPEG, PNG, WebP, BMP or GIF (whatever the file name"
            + " says)");
  }

  private static boolean startsWith(byte[] data, int... prefix) {
    if (data.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((data[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
