package org.concepthash.catalog.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;

/**
 * An image re-encoded to the catalog's one canonical format: PNG, upright, no metadata. Re-encoding
 * destroys polyglot payloads and metadata; PNG keeps the decoded pixels exactly, so the model sees
 * the same pixels in training and serving. The SHA-256 of these bytes is the image's identity.
 *
 * @param pixels the decoded, upright pixels the PNG holds, so that nobody decodes the PNG again
 */
public record CanonicalImage(BufferedImage pixels, byte[] png, String sha256) {

  public int width() {
    return pixels.getWidth();
  }

  public int height() {
    return pixels.getHeight();
  }

  public static CanonicalImage of(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] png = out.toByteArray();
    return new CanonicalImage(image, png, sha256(png));
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
