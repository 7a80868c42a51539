package org.concepthash.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small images made by the tests themselves, encoded with ImageIO. */
public final class TestImages {
  private TestImages() {}

  /** A w x h image with a distinct quadrant pattern (so orientation changes are visible). */
  public static BufferedImage quadrants(int w, int h, int seed) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(200, 30 + (seed * 7) % 40, 30));
    g.fillRect(0, 0, w / 2, h / 2); // top-left red
    g.setColor(new Color(30, 200, 30));
    g.fillRect(w / 2, 0, w - w / 2, h / 2); // top-right green
    g.setColor(new Color(30, 30, 200));
    g.fillRect(0, h / 2, w / 2, h - h / 2); // bottom-left blue
    g.setColor(new Color(240, 240, 240));
    g.fillRect(w / 2, h / 2, w - w / 2, h - h / 2); // bottom-right white
    g.dispose();
    return img;
  }

  /** Random pixels: incompressible, for size limits. */
  public static BufferedImage noise(int w, int h, long seed) {
    java.util.Random random = new java.util.Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return img;
  }

  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] png(int w, int h, int seed) {
    return encode(quadrants(w, h, seed), "png");
  }

  public static byte[] jpeg(int w, int h, int seed) {
    return encode(quadrants(w, h, seed), "jpeg");
  }
}
