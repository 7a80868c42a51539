package org.concepthash.catalog.ingest;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an accepted image safely: dimensions are read from the header and checked against the
 * limits before any pixel buffer is allocated (decompression bombs), decoder warnings count as
 * corruption (truncated JPEGs otherwise decode silently with grey blocks; a CMYK JPEG without an
 * ICC profile is the one exception), only the first frame is read, and the EXIF orientation is
 * applied once. The result is always TYPE_INT_RGB or TYPE_INT_ARGB.
 */
final class ImageDecoder {

  private final IngestLimits limits;

  ImageDecoder(IngestLimits limits) {
    this.limits = limits;
  }

  BufferedImage decode(byte[] encoded, ImageType type) throws IngestRefusedException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.formatName);
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + type + " on the classpath");
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(encoded))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      checkDimensions(width, height);
      List<String> warnings = new ArrayList<>();
      reader.addIIOReadWarningListener(
          (source, warning) -> {
            if (!aboutColourAccuracy(warning)) {
              warnings.add(warning);
            }
          });
      BufferedImage image = reader.read(0);
      if (!warnings.isEmpty()) {
        throw new IngestRefusedException(
            "the " + type.formatName + " file is damaged or truncated (" + warnings.get(0) + ")");
      }
      return Orientation.apply(canonical(image), Orientation.read(encoded));
    } catch (IOException | RuntimeException e) {
      throw new IngestRefusedException(
          "the " + type.formatName + " file is damaged or truncated and cannot be decoded", e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * TwelveMonkeys warns when a CMYK JPEG has no ICC profile (print workflows, some scanners) and
   * converts it with a generic profile: the pixels are all there, only their colours are
   * approximate, which does not matter for search. Every other warning means lost pixels.
   */
  private static boolean aboutColourAccuracy(String warning) {
    return warning != null && warning.contains("ICC color profile") && warning.contains("CMYK");
  }

  private void checkDimensions(int width, int height) throws IngestRefusedException {
    if (width <= 0 || height <= 0) {
      throw new IngestRefusedException("the image header declares no pixels");
    }
    if (width > limits.maxSide() || height > limits.maxSide()) {
      throw new IngestRefusedException(
          "image is "
              + width
              + " x "
              + height
              + " pixels; the longest accepted side is "
              + limits.maxSide());
    }
    if ((long) width * height > limits.maxPixels()) {
      throw new IngestRefusedException(
          String.format(
              "image is %d x %d = %.1f megapixels; at most %.1f megapixels are accepted",
              width, height, width * (double) height / 1e6, limits.maxPixels() / 1e6));
    }
  }

  /** Converts any decoded layout (indexed, grey, 16-bit, CMYK-as-RGB) to packed int RGB or ARGB. */
  private static BufferedImage canonical(BufferedImage image) {
    boolean alpha = image.getColorModel().hasAlpha();
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    if (image.getType() == type) {
      return image;
    }
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
    Graphics2D g = out.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return out;
  }
}
