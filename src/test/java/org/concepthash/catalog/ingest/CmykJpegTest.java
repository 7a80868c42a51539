package org.concepthash.catalog.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * A CMYK JPEG without an ICC profile (print workflows, some scanners) is decoded, not called
 * damaged.
 */
class CmykJpegTest {

  private final ImageValidator validator =
      new ImageValidator(new IngestLimits(2_000_000, 4_000_000, 4000));

  /**
   * Left half no ink, right half full cyan, as Photoshop writes CMYK: an Adobe APP14 marker
   * (transform 0: the four channels are C, M, Y, K, stored inverted) and no ICC profile.
   */
  static byte[] cmykJpeg(int width, int height) throws Exception {
    WritableRaster raster =
        Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int cyan = x < width / 2 ? 0 : 255;
        raster.setPixel(x, y, new int[] {255 - cyan, 255, 255, 255});
      }
    }
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
    } finally {
      writer.dispose();
    }
    byte[] plain = out.toByteArray();
    byte[] adobe = {
      (byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0
    };
    ByteArrayOutputStream marked = new ByteArrayOutputStream();
    marked.write(plain, 0, 2); // SOI
    marked.write(adobe);
    marked.write(plain, 2, plain.length - 2);
    return marked.toByteArray();
  }

  @Test
  void aCmykJpegWithoutAnIccProfileIsDecoded() throws Exception {
    byte[] jpeg = cmykJpeg(64, 32);
    String text = new String(jpeg, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(
        !text.contains("ICC_PROFILE") && text.contains("Adobe"),
        "an Adobe CMYK JPEG without ICC profile");
    CanonicalImage image = validator.validate(jpeg);
    assertEquals(64, image.width());
    assertEquals(32, image.height());
    BufferedImage pixels = ImageIO.read(new ByteArrayInputStream(image.png()));
    int left = pixels.getRGB(8, 16);
    int right = pixels.getRGB(56, 16);
    // a generic CMYK profile: approximate colours, but no ink reads white and cyan ink reads cyan
    assertTrue(red(left) > 200 && green(left) > 200 && blue(left) > 200, Integer.toHexString(left));
    assertTrue(
        red(right) < 120 && green(right) > 120 && blue(right) > 180, Integer.toHexString(right));
  }

  private static int red(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  private static int green(int rgb) {
    return (rgb >> 8) & 0xff;
  }

  private static int blue(int rgb) {
    return rgb & 0xff;
  }
}
