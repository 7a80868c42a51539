package org.concepthash.reproduce.shallow;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** The hand-made image descriptors of the shallow baselines. */
public enum ImageFeatures {
  /**
   * Joint RGB histogram, 4 levels per channel (64 bins), as shares of the image's pixels: colour
   * without layout.
   */
  COLOUR_HISTOGRAM {
    @Override
    public double[] of(BufferedImage image) {
      double[] h = new double[64];
      int w = image.getWidth();
      int ht = image.getHeight();
      for (int y = 0; y < ht; y++) {
        for (int x = 0; x < w; x++) {
          int rgb = image.getRGB(x, y);
          h[
              (((rgb >> 16) & 0xff) >> 6) * 16
                  + (((rgb >> 8) & 0xff) >> 6) * 4
                  + ((rgb & 0xff) >> 6)]++;
        }
      }
      for (int i = 0; i < h.length; i++) {
        h[i] /= (double) w * ht;
      }
      return h;
    }
  },
  /** The image scaled to 16 x 16 (bilinear), RGB in [0, 1]: 768 values, layout and colour. */
  PIXELS {
    @Override
    public double[] of(BufferedImage image) {
      BufferedImage small = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = small.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, SIDE, SIDE, null);
      g.dispose();
      double[] v = new double[3 * SIDE * SIDE];
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int rgb = small.getRGB(x, y);
          int p = 3 * (y * SIDE + x);
          v[p] = ((rgb >> 16) & 0xff) / 255.0;
          v[p + 1] = ((rgb >> 8) & 0xff) / 255.0;
          v[p + 2] = (rgb & 0xff) / 255.0;
        }
      }
      return v;
    }
  };

  static final int SIDE = 16;

  public abstract double[] of(BufferedImage image);
}
