package org.concepthash.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Where the encoded bytes of one data set image come from (a file, an entry decoded from IDX, ...).
 */
public interface ImageSource {

  /** A human-readable name used in error messages and as the original file name at ingest. */
  String name();

  /** Opens the encoded image bytes (JPEG, PNG, ...). The caller closes the stream. */
  InputStream open() throws IOException;

  /**
   * Decodes the image as stored (no orientation or colour handling): the one decoding that training
   * and evaluation share, so both see the same pixels.
   */
  default BufferedImage decode() {
    try (InputStream in = open()) {
      BufferedImage image = ImageIO.read(in);
      if (image == null) {
        throw new IOException("no image reader understands " + name());
      }
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException(
          new IOException("cannot read image " + name() + ": " + e.getMessage(), e));
    }
  }
}
