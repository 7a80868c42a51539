package org.concepthash.data.parts;

/**
 * What to generate.
 *
 * @param classes number of classes (families of three, see {@link WorldDesign})
 * @param perClass images per class
 * @param size image width = height in pixels
 * @param seed everything generated is a function of the seed: same seed, byte-identical files
 * @param trainFraction share of each class's images in the train split (database); the rest is test
 *     (queries). Per class the first round(perClass * trainFraction) images are train.
 */
public record PartsWorldConfig(
    int classes, int perClass, int size, long seed, double trainFraction) {

  public static final int MIN_SIZE = 32;
  public static final int MAX_SIZE = 1024;
  public static final double DEFAULT_TRAIN_FRACTION = 0.5;

  public PartsWorldConfig {
    if (classes < 2 || classes > WorldDesign.MAX_CLASSES) {
      throw new IllegalArgumentException(
          "classes must be 2.." + WorldDesign.MAX_CLASSES + ", not " + classes);
    }
    if (perClass < 1 || perClass > 100_000) {
      throw new IllegalArgumentException("perClass must be 1..100000, not " + perClass);
    }
    if (size < MIN_SIZE || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size must be " + MIN_SIZE + ".." + MAX_SIZE + " pixels, not " + size);
    }
    if (!(trainFraction >= 0 && trainFraction <= 1)) {
      throw new IllegalArgumentException("trainFraction must be in [0, 1], not " + trainFraction);
    }
  }

  /** How many images of each class go to the train split. */
  public int trainPerClass() {
    return (int) Math.round(perClass * trainFraction);
  }
}
