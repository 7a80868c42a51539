package org.concepthash.bench;

import java.util.SplittableRandom;

/**
 * Benchmark codes, 64 bits each (one long per code): uniformly random, or clustered the way trained
 * ConceptHash codes are (each code is one of a few hundred random centres with every bit flipped
 * with probability 1/8: 8 of 64 bits on average, about 14 bits between two codes of one centre).
 */
final class SyntheticCodes {

  /** Centres of the clustered set. */
  static final int CENTRES = 300;

  private SyntheticCodes() {}

  enum Kind {
    RANDOM,
    CLUSTERED
  }

  /** {@code count} codes of the given kind; the same seed gives the same centres for both sets. */
  static long[] generate(Kind kind, int count, long seed, long centreSeed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] codes = new long[count];
    if (kind == Kind.RANDOM) {
      for (int i = 0; i < count; i++) {
        codes[i] = random.nextLong();
      }
      return codes;
    }
    long[] centres = new SplittableRandom(centreSeed).longs(CENTRES).toArray();
    for (int i = 0; i < count; i++) {
      codes[i] = centres[random.nextInt(CENTRES)] ^ noise(random);
    }
    return codes;
  }

  /**
   * A 64-bit word whose bits are independently 1 with probability 1/8 (AND of three random words).
   */
  private static long noise(SplittableRandom random) {
    return random.nextLong() & random.nextLong() & random.nextLong();
  }
}
