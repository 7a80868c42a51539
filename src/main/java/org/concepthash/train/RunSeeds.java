package org.concepthash.train;

/**
 * Derives independent seeds from the run seed, so every random choice (shuffle of epoch e,
 * augmentation of the i-th image of epoch e, dropout in epoch e) is a function of (seed, epoch,
 * position) alone and a resumed run repeats it.
 */
final class RunSeeds {

  private RunSeeds() {}

  /** SplitMix64-style mixing of three values. */
  static long mix(long seed, long a, long b) {
    long z =
        seed * 0x9E3779B97F4A7C15L
            + a * 0xBF58476D1CE4E5B9L
            + b * 0x94D049BB133111EBL
            + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
