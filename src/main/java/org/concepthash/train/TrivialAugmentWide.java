package org.concepthash.train;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * TrivialAugment (Wide) after torchvision: per image, pick one operation uniformly and one of 31
 * magnitude bins uniformly; signed operations flip sign with probability 1/2. Geometric operations
 * use nearest sampling and fill with black. Operations and magnitude ranges (bin 0 .. bin 30):
 *
 * <pre>
 * Identity; ShearX, ShearY 0..0.99; TranslateX, TranslateY 0..32 px at 224 px (scaled to the image
 * width here, so small images are not pushed out of frame); Rotate 0..135 degrees; Brightness, Color,
 * Contrast, Sharpness factor 1 +- 0..0.99; Posterize 8..2 bits; Solarize threshold 255..0;
 * AutoContrast; Equalize
 * </pre>
 */
public final class TrivialAugmentWide {

  private static final int BINS = 31;

  /** The operations in torchvision's order. */
  enum Op {
    IDENTITY,
    SHEAR_X,
    SHEAR_Y,
    TRANSLATE_X,
    TRANSLATE_Y,
    ROTATE,
    BRIGHTNESS,
    COLOR,
    CONTRAST,
    SHARPNESS,
    POSTERIZE,
    SOLARIZE,
    AUTO_CONTRAST,
    EQUALIZE
  }

  /** Applies one random operation; returns a new image (the input is not modified). */
  public BufferedImage apply(BufferedImage image, Random random) {
    Op op = Op.values()[random.nextInt(Op.values().length)];
    int bin = random.nextInt(BINS);
    boolean negate = random.nextBoolean();
    return apply(image, op, bin, negate);
  }

  /** One operation at a magnitude bin, for tests. */
  static BufferedImage apply(BufferedImage image, Op op, int bin, boolean negate) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] src = image.getRGB(0, 0, w, h, null, 0, w);
    double t = bin / (double) (BINS - 1); // 0..1 along the magnitude range
    double sign = negate ? -1 : 1;
    int[] out =
        switch (op) {
          case IDENTITY -> src.clone();
          case SHEAR_X -> affine(src, w, h, 1, sign * 0.99 * t, 0, 0, 1, 0);
          case SHEAR_Y -> affine(src, w, h, 1, 0, 0, sign * 0.99 * t, 1, 0);
          case TRANSLATE_X -> affine(src, w, h, 1, 0, -sign * 32.0 * t * w / 224.0, 0, 1, 0);
          case TRANSLATE_Y -> affine(src, w, h, 1, 0, 0, 0, 1, -sign * 32.0 * t * h / 224.0);
          case ROTATE -> rotate(src, w, h, sign * 135.0 * t);
          case BRIGHTNESS -> blend(src, new int[src.length], 1 + sign * 0.99 * t);
          case COLOR -> blend(src, grey(src), 1 + sign * 0.99 * t);
          case CONTRAST -> blend(src, meanGrey(src), 1 + sign * 0.99 * t);
          case SHARPNESS -> blend(src, smooth(src, w, h), 1 + sign * 0.99 * t);
          case POSTERIZE -> posterize(src, 8 - (int) Math.round(bin / ((BINS - 1) / 6.0)));
          case SOLARIZE -> solarize(src, 255.0 * (1 - t));
          case AUTO_CONTRAST -> autoContrast(src);
          case EQUALIZE -> equalize(src);
        };
    BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    result.setRGB(0, 0, w, h, out, 0, w);
    return result;
  }

  /** Output (x, y) samples input (a x + b y + c, d x + e y + f), nearest, black outside. */
  private static int[] affine(
      int[] src, int w, int h, double a, double b, double c, double d, double e, double f) {
    int[] out = new int[src.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int sx = (int) Math.floor(a * (x + 0.5) + b * (y + 0.5) + c);
        int sy = (int) Math.floor(d * (x + 0.5) + e * (y + 0.5) + f);
        if (sx >= 0 && sx < w && sy >= 0 && sy < h) {
          out[y * w + x] = src[sy * w + sx];
        }
      }
    }
    return out;
  }

  private static int[] rotate(int[] src, int w, int h, double degrees) {
    double r = Math.toRadians(degrees);
    double cos = Math.cos(r);
    double sin = Math.sin(r);
    double cx = w / 2.0;
    double cy = h / 2.0;
    // inverse rotation about the centre: source = R(-angle) (p - c) + c
    return affine(
        src, w, h, cos, sin, cx - cos * cx - sin * cy, -sin, cos, cy + sin * cx - cos * cy);
  }

  /** PIL ImageEnhance: degenerate * (1 - factor) + image * factor, clipped. */
  private static int[] blend(int[] src, int[] degenerate, double factor) {
    int[] out = new int[src.length];
    for (int i = 0; i < src.length; i++) {
      int v = 0;
      for (int shift = 16; shift >= 0; shift -= 8) {
        double s = (src[i] >> shift) & 0xff;
        double d = (degenerate[i] >> shift) & 0xff;
        v |= clamp(d + (s - d) * factor) << shift;
      }
      out[i] = v;
    }
    return out;
  }

  private static int luma(int p) {
    return (int)
        Math.round(0.299 * ((p >> 16) & 0xff) + 0.587 * ((p >> 8) & 0xff) + 0.114 * (p & 0xff));
  }

  private static int[] grey(int[] src) {
    int[] out = new int[src.length];
    for (int i = 0; i < src.length; i++) {
      int l = luma(src[i]);
      out[i] = (l << 16) | (l << 8) | l;
    }
    return out;
  }

  private static int[] meanGrey(int[] src) {
    double sum = 0;
    for (int p : src) {
      sum += luma(p);
    }
    int m = (int) Math.round(sum / src.length);
    int[] out = new int[src.length];
    java.util.Arrays.fill(out, (m << 16) | (m << 8) | m);
    return out;
  }

  /** PIL's SMOOTH kernel [[1,1,1],[1,5,1],[1,1,1]] / 13; border pixels keep their values. */
  private static int[] smooth(int[] src, int w, int h) {
    int[] out = src.clone();
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        int v = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
          int sum = 0;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              int weight = dx == 0 && dy == 0 ? 5 : 1;
              sum += weight * ((src[(y + dy) * w + x + dx] >> shift) & 0xff);
            }
          }
          v |= clamp(sum / 13.0) << shift;
        }
        out[y * w + x] = v;
      }
    }
    return out;
  }

  private static int[] posterize(int[] src, int bits) {
    int mask = (0xff << (8 - bits)) & 0xff;
    int all = (mask << 16) | (mask << 8) | mask;
    int[] out = new int[src.length];
    for (int i = 0; i < src.length; i++) {
      out[i] = src[i] & all;
    }
    return out;
  }

  private static int[] solarize(int[] src, double threshold) {
    int[] out = new int[src.length];
    for (int i = 0; i < src.length; i++) {
      int v = 0;
      for (int shift = 16; shift >= 0; shift -= 8) {
        int c = (src[i] >> shift) & 0xff;
        v |= (c >= threshold ? 255 - c : c) << shift;
      }
      out[i] = v;
    }
    return out;
  }

  /** Per channel, stretch [min, max] to [0, 255]. */
  private static int[] autoContrast(int[] src) {
    int[] out = new int[src.length];
    for (int shift = 16; shift >= 0; shift -= 8) {
      int lo = 255;
      int hi = 0;
      for (int p : src) {
        int c = (p >> shift) & 0xff;
        lo = Math.min(lo, c);
        hi = Math.max(hi, c);
      }
      double scale = hi > lo ? 255.0 / (hi - lo) : 1;
      for (int i = 0; i < src.length; i++) {
        int c = (src[i] >> shift) & 0xff;
        out[i] |= (hi > lo ? clamp((c - lo) * scale) : c) << shift;
      }
    }
    return out;
  }

  /** Per-channel histogram equalisation (PIL ImageOps.equalize). */
  private static int[] equalize(int[] src) {
    int[] out = new int[src.length];
    for (int shift = 16; shift >= 0; shift -= 8) {
      int[] histogram = new int[256];
      for (int p : src) {
        histogram[(p >> shift) & 0xff]++;
      }
      int last = 255;
      while (last > 0 && histogram[last] == 0) {
        last--;
      }
      int step = (src.length - histogram[last]) / 255;
      int[] lut = new int[256];
      if (step == 0) {
        for (int i = 0; i < 256; i++) {
          lut[i] = i;
        }
      } else {
        int n = step / 2;
        for (int i = 0; i < 256; i++) {
          lut[i] = Math.min(255, n / step);
          n += histogram[i];
        }
      }
      for (int i = 0; i < src.length; i++) {
        out[i] |= lut[(src[i] >> shift) & 0xff] << shift;
      }
    }
    return out;
  }

  private static int clamp(double v) {
    return (int) Math.max(0, Math.min(255, Math.round(v)));
  }
}
