package org.concepthash.catalog.ingest;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * EXIF orientation (tag 0x0112, values 1-8). ImageIO ignores it, so ingest applies it once and
 * stores upright pixels without metadata.
 */
final class Orientation {

  private Orientation() {}

  /** The EXIF orientation of an encoded image; 1 (upright) when absent or unreadable. */
  static int read(byte[] encoded) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(encoded));
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return value >= 1 && value <= 8 ? value : 1;
      }
    } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
      // broken metadata must not refuse an otherwise valid image: treat it as upright
    }
    return 1;
  }

  /** Returns the upright image for an EXIF orientation value. */
  static BufferedImage apply(BufferedImage image, int orientation) {
    if (orientation <= 1 || orientation > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, w, 0); // mirror horizontally
      case 3 -> t.setTransform(-1, 0, 0, -1, w, h); // rotate 180
      case 4 -> t.setTransform(1, 0, 0, -1, 0, h); // mirror vertically
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transpose
      case 6 -> t.setTransform(0, 1, -1, 0, h, 0); // rotate 90 clockwise
      case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transverse
      case 8 -> t.setTransform(0, -1, 1, 0, 0, w); // rotate 90 counter-clockwise
      default -> throw new IllegalStateException("orientation " + orientation);
    }
    BufferedImage out =
        new BufferedImage(
            swap ? h : w,
            swap ? w : h,
            image.getType() == 0 ? BufferedImage.TYPE_INT_ARGB : image.getType());
    Graphics2D g = out.createGraphics();
    g.drawImage(image, t, null);
    g.dispose();
    return out;
  }
}
