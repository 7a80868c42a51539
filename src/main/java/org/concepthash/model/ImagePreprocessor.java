package org.concepthash.model;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The ONE evaluation transform, shared by training-time evaluation and serving: resize the shorter
 * side (antialiased bicubic, PIL's algorithm), centre crop to the network's input size, scale to
 * [0, 1] and normalise per channel. Output layout: CHW float32, channels R, G, B; length 3 * S * S.
 *
 * <p>For a network input of S pixels the resize target is round(S * 256 / 224), the reference's
 * Resize(256) -> CenterCrop(224) ratio. Grey images are read as R = G = B.
 */
public final class ImagePreprocessor {

  /** CLIP's channel means (R, G, B) on the [0, 1] scale. */
  public static final float[] CLIP_MEAN = {0.48145466f, 0.4578275f, 0.40821073f};

  /** CLIP's channel standard deviations (R, G, B). */
  public static final float[] CLIP_STD = {0.26862954f, 0.26130258f, 0.27577711f};

  private final int resizeShorterSide;
  private final int cropSize;
  private final float[] mean;
  private final float[] std;

  public ImagePreprocessor(int resizeShorterSide, int cropSize, float[] mean, float[] std) {
    if (cropSize <= 0 || resizeShorterSide < cropSize) {
      throw new IllegalArgumentException(
          "need 0 < cropSize <= resizeShorterSide, got crop "
              + cropSize
              + " and resize "
              + resizeShorterSide);
    }
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("mean and std need 3 channel values");
    }
    this.resizeShorterSide = resizeShorterSide;
    this.cropSize = cropSize;
    this.mean = mean.clone();
    this.std = std.clone();
  }

  /**
   * The reference transform for an S-pixel network input: resize round(S*256/224), crop S, CLIP
   * stats.
   */
  public static ImagePreprocessor clip(int imageSize) {
    return new ImagePreprocessor(
        Math.round(imageSize * 256f / 224f), imageSize, CLIP_MEAN, CLIP_STD);
  }

  public int resizeShorterSide() {
    return resizeShorterSide;
  }

  /** Side S of the square network input. */
  public int cropSize() {
    return cropSize;
  }

  public float[] mean() {
    return mean.clone();
  }

  public float[] std() {
    return std.clone();
  }

  /** Resize, centre crop, normalise: CHW floats of length 3 * S * S. */
  public float[] apply(BufferedImage image) {
    return normalise(centreCrop(resize(image)));
  }

  /**
   * Scales the image so that its shorter side equals {@code resizeShorterSide}, keeping the aspect
   * ratio.
   */
  public BufferedImage resize(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    double scale = (double) resizeShorterSide / Math.min(w, h);
    int outW = w <= h ? resizeShorterSide : (int) Math.round(w * scale);
    int outH = h < w ? resizeShorterSide : (int) Math.round(h * scale);
    return Bicubic.resize(rgb(image), outW, outH);
  }

  /** The central S x S region (S = crop size); the input must be at least that large. */
  public BufferedImage centreCrop(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (w < cropSize || h < cropSize) {
      throw new IllegalArgumentException(
          "image " + w + "x" + h + " is smaller than the crop " + cropSize);
    }
    BufferedImage out = new BufferedImage(cropSize, cropSize, BufferedImage.TYPE_INT_RGB);
    int[] pixels =
        rgb(image)
            .getRGB((w - cropSize) / 2, (h - cropSize) / 2, cropSize, cropSize, null, 0, cropSize);
    out.setRGB(0, 0, cropSize, cropSize, pixels, 0, cropSize);
    return out;
  }

  /** CHW floats (v / 255 - mean) / std of an S x S image. */
  public float[] normalise(BufferedImage crop) {
    if (crop.getWidth() != cropSize || crop.getHeight() != cropSize) {
      throw new IllegalArgumentException(
          "expected a "
              + cropSize
              + "x"
              + cropSize
              + " image, got "
              + crop.getWidth()
              + "x"
              + crop.getHeight());
    }
    int plane = cropSize * cropSize;
    int[] pixels = rgb(crop).getRGB(0, 0, cropSize, cropSize, null, 0, cropSize);
    float[] out = new float[3 * plane];
    for (int i = 0; i < plane; i++) {
      int p = pixels[i];
      out[i] = (((p >> 16) & 0xff) / 255f - mean[0]) / std[0];
      out[plane + i] = (((p >> 8) & 0xff) / 255f - mean[1]) / std[1];
      out[2 * plane + i] = ((p & 0xff) / 255f - mean[2]) / std[2];
    }
    return out;
  }

  /** The image as TYPE_INT_RGB (grey, indexed and alpha images converted; alpha dropped). */
  public static BufferedImage rgb(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB) {
      return image;
    }
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = out.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return out;
  }

  @Override
  public String toString() {
    return "resize "
        + resizeShorterSide
        + " bicubic, centre crop "
        + cropSize
        + ", mean "
        + Arrays.toString(mean)
        + ", std "
        + Arrays.toString(std);
  }

  /**
   * Separable antialiased bicubic resampling (a = -0.5, support widened by the downscale factor).
   */
  private static final class Bicubic {

    static BufferedImage resize(BufferedImage src, int outW, int outH) {
      int w = src.getWidth();
      int h = src.getHeight();
      int[] pixels = src.getRGB(0, 0, w, h, null, 0, w);
      float[][] planes = new float[3][w * h];
      for (int i = 0; i < pixels.length; i++) {
        planes[0][i] = (pixels[i] >> 16) & 0xff;
        planes[1][i] = (pixels[i] >> 8) & 0xff;
        planes[2][i] = pixels[i] & 0xff;
      }
      Coefficients horizontal = Coefficients.of(w, outW);
      Coefficients vertical = Coefficients.of(h, outH);
      int[] out = new int[outW * outH];
      for (int c = 0; c < 3; c++) {
        float[] rows = new float[outW * h];
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < outW; x++) {
            rows[y * outW + x] = horizontal.apply(planes[c], y * w, 1, x);
          }
        }
        int shift = 16 - 8 * c;
        for (int y = 0; y < outH; y++) {
          for (int x = 0; x < outW; x++) {
            int v = Math.round(vertical.apply(rows, x, outW, y));
            out[y * outW + x] |= Math.max(0, Math.min(255, v)) << shift;
          }
        }
      }
      BufferedImage result = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
      result.setRGB(0, 0, outW, outH, out, 0, outW);
      return result;
    }

    private record Coefficients(int[] start, float[][] weights) {

      static Coefficients of(int in, int out) {
        double scale = (double) in / out;
        double filterScale = Math.max(scale, 1.0);
        double support = 2.0 * filterScale;
        int[] start = new int[out];
        float[][] weights = new float[out][];
        for (int o = 0; o < out; o++) {
          double centre = (o + 0.5) * scale;
          int from = Math.max((int) Math.floor(centre - support), 0);
          int to = Math.min((int) Math.ceil(centre + support), in);
          double[] w = new double[to - from];
          double total = 0;
          for (int j = 0; j < w.length; j++) {
            w[j] = cubic((j + from - centre + 0.5) / filterScale);
            total += w[j];
          }
          weights[o] = new float[w.length];
          for (int j = 0; j < w.length; j++) {
            weights[o][j] = (float) (total == 0 ? 0 : w[j] / total);
          }
          start[o] = from;
        }
        return new Coefficients(start, weights);
      }

      /** Weighted sum of src[offset + (start + j) * stride] for output position o. */
      float apply(float[] src, int offset, int stride, int o) {
        float[] w = weights[o];
        int base = offset + start[o] * stride;
        float sum = 0;
        for (int j = 0; j < w.length; j++) {
          sum += w[j] * src[base + j * stride];
        }
        return sum;
      }

      private static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1) {
          return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
          return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0;
      }
    }
  }
}
