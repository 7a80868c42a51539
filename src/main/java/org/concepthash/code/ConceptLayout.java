package org.concepthash.code;

/**
 * Which bits of a K-bit code belong to which of the M concepts: concept {@code m} owns bits {@code
 * [m*K/M, (m+1)*K/M)} (integer division, so widths differ by at most one bit).
 *
 * <p>A concept mask is a {@code long} whose bit {@code m} selects concept {@code m}; hence at most
 * 64 concepts.
 *
 * @param bits K, 1..256
 * @param concepts M, 1..min(K, 64)
 */
public record ConceptLayout(int bits, int concepts) {

  /** Largest number of concepts a {@code long} concept mask can address. */
  public static final int MAX_CONCEPTS = 64;

  public ConceptLayout {
    if (bits < 1 || bits > BinaryCodes.MAX_BITS) {
      throw new IllegalArgumentException(
          "bits must be in 1.." + BinaryCodes.MAX_BITS + ", not " + bits);
    }
    if (concepts < 1 || concepts > Math.min(bits, MAX_CONCEPTS)) {
      throw new IllegalArgumentException(
          "concepts must be in 1.."
              + Math.min(bits, MAX_CONCEPTS)
              + " for "
              + bits
              + " bits, not "
              + concepts);
    }
  }

  /** First bit of concept {@code m}. */
  public int start(int m) {
    return m * bits / concepts;
  }

  /** One past the last bit of concept {@code m}. */
  public int end(int m) {
    return (m + 1) * bits / concepts;
  }

  /** Number of bits of concept {@code m}. */
  public int width(int m) {
    return end(m) - start(m);
  }

  /** The mask selecting every concept. */
  public long allConcepts() {
    return concepts == 64 ? -1L : (1L << concepts) - 1;
  }

  /** Throws unless {@code conceptMask} is non-empty and names only concepts of this layout. */
  public void checkMask(long conceptMask) {
    if (conceptMask == 0 || (conceptMask & ~allConcepts()) != 0) {
      throw new IllegalArgumentException(
          "concept mask "
              + Long.toBinaryString(conceptMask)
              + " must select 1 to "
              + concepts
              + " concepts");
    }
  }

  /**
   * Bit mask over the code's words ({@code wordsPerCode} longs) that keeps the bits of concept
   * {@code m}.
   */
  public long[] bitMask(int m) {
    long[] mask = new long[BinaryCodes.wordsPerCode(bits)];
    for (int j = start(m); j < end(m); j++) {
      mask[j >>> 6] |= 1L << (j & 63);
    }
    return mask;
  }

  /** Bit mask over the code's words that keeps the bits of every concept in {@code conceptMask}. */
  public long[] bitMask(long conceptMask) {
    checkMask(conceptMask);
    long[] mask = new long[BinaryCodes.wordsPerCode(bits)];
    for (int m = 0; m < concepts; m++) {
      if ((conceptMask >>> m & 1L) != 0) {
        long[] one = bitMask(m);
        for (int w = 0; w < mask.length; w++) {
          mask[w] |= one[w];
        }
      }
    }
    return mask;
  }
}
