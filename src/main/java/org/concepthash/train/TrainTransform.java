package org.concepthash.train;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.concepthash.model.ImagePreprocessor;

/**
 * The training transform: Resize(shorter side) -> RandomHorizontalFlip -> TrivialAugmentWide ->
 * CenterCrop -> normalise, the reference's order. Resize, crop and normalisation are the shared
 * {@link ImagePreprocessor}'s, so train and eval inputs differ only by the augmentation. The resize
 * is done once per image when the data is loaded ({@link #prepare}); {@link #apply} runs per step.
 */
public final class TrainTransform {

  private final ImagePreprocessor preprocessor;
  private final boolean flip;
  private final TrivialAugmentWide trivialAugment;

  /**
   * @param trivialAugment null to switch TrivialAugmentWide off
   */
  public TrainTransform(
      ImagePreprocessor preprocessor, boolean flip, TrivialAugmentWide trivialAugment) {
    this.preprocessor = preprocessor;
    this.flip = flip;
    this.trivialAugment = trivialAugment;
  }

  /** The deterministic part done once per image: resize of the shorter side. */
  public BufferedImage prepare(BufferedImage image) {
    return preprocessor.resize(image);
  }

  /** The random part and the rest of the pipeline: CHW floats of the crop. */
  public float[] apply(BufferedImage resized, Random random) {
    BufferedImage image = resized;
    if (flip && random.nextBoolean()) {
      image = mirror(image);
    }
    if (trivialAugment != null) {
      image = trivialAugment.apply(image, random);
    }
    return preprocessor.normalise(preprocessor.centreCrop(image));
  }

  private static BufferedImage mirror(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] src = image.getRGB(0, 0, w, h, null, 0, w);
    int[] out = new int[src.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = src[y * w + (w - 1 - x)];
      }
    }
    BufferedImage result = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    result.setRGB(0, 0, w, h, out, 0, w);
    return result;
  }
}
