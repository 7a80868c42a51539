package org.concepthash.code;

/**
 * The text form of one K-bit binary code, used for class centres in {@code model.json} and for
 * codes in {@code eval --codes} files: the bits b_0 .. b_{K-1} (b_0 = first bit of concept 0) read
 * as one K-bit unsigned number with b_0 as its MOST significant bit, written as ceil(K/4) lower- or
 * upper-case hex digits (leading zeros kept). Python writes the same with {@code
 * format(int("".join(bits), 2), "0%dx" % ((K + 3) // 4))}.
 *
 * <p>Words are in the {@link BinaryCodes} layout: bit j in word j / 64 at position j % 64.
 */
public final class HexCode {

  private HexCode() {}

  /** Number of hex digits of a K-bit code. */
  public static int digits(int bits) {
    return (bits + 3) / 4;
  }

  /** The hex form of one code given as its words. */
  public static String format(long[] words, int bits) {
    char[] out = new char[digits(bits)];
    java.util.Arrays.fill(out, '0');
    int[] nibbles = new int[out.length];
    for (int j = 0; j < bits; j++) {
      if ((words[j >>> 6] >>> (j & 63) & 1L) != 0) {
        int p = bits - 1 - j; // position in the number, 0 = least significant
        nibbles[out.length - 1 - p / 4] |= 1 << (p % 4);
      }
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.forDigit(nibbles[i], 16);
    }
    return new String(out);
  }

  /**
   * Parses one code; the text must have exactly ceil(K/4) hex digits and the value must fit K bits.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static long[] parse(String hex, int bits) {
    int n = digits(bits);
    if (hex.length() != n) {
      throw new IllegalArgumentException(
          "a " + bits + "-bit code has " + n + " hex digits, '" + hex + "' has " + hex.length());
    }
    long[] words = new long[BinaryCodes.wordsPerCode(bits)];
    for (int i = 0; i < n; i++) {
      int nibble = Character.digit(hex.charAt(i), 16);
      if (nibble < 0) {
        throw new IllegalArgumentException(
            "'" + hex.charAt(i) + "' is not a hex digit in code '" + hex + "'");
      }
      for (int b = 0; b < 4; b++) {
        if ((nibble >>> b & 1) == 0) {
          continue;
        }
        int p = 4 * (n - 1 - i) + b;
        if (p >= bits) {
          throw new IllegalArgumentException(
              "code '" + hex + "' does not fit in " + bits + " bits");
        }
        int j = bits - 1 - p;
        words[j >>> 6] |= 1L << (j & 63);
      }
    }
    return words;
  }
}
