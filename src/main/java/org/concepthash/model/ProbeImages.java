package org.concepthash.model;

import java.util.SplittableRandom;

/**
 * Seeded network inputs for self-checks: values uniform in [-1, 1), the range of normalised pixels.
 * The same seed gives the same values on every machine, so a package can record what its probe must
 * produce.
 */
public final class ProbeImages {

  private ProbeImages() {}

  /** {@code count} images of shape (3, S, S), concatenated: length count * 3 * S * S. */
  public static float[] generate(long seed, int count, int imageSize) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[count * 3 * imageSize * imageSize];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return values;
  }
}
