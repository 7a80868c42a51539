package org.concepthash.code;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code n} binary codes of {@code bits} bits each, packed row-major into 64-bit words.
 *
 * <p>Layout: code {@code i} occupies {@code words[i*wordsPerCode .. (i+1)*wordsPerCode)}; bit
 * {@code j} of code {@code i} is {@code (words[i*wordsPerCode + (j>>>6)] >>> (j & 63)) & 1}. Bits
 * past {@code bits} in the last word of a code (padding) are always 0, so Hamming distances can
 * popcount whole words. Concept {@code m} of {@code M} owns bits {@code [m*bits/M, (m+1)*bits/M)}
 * (see {@link ConceptLayout}).
 *
 * <p>The array is shared, not copied: callers must not modify it after construction.
 *
 * @param bits code length K, 1..256
 * @param words packed codes, length {@code count * wordsPerCode}
 */
public record BinaryCodes(int bits, long[] words) {

  /** Longest supported code; the index and the model never exceed it. */
  public static final int MAX_BITS = 256;

  public BinaryCodes {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException("bits must be in 1.." + MAX_BITS + ", not " + bits);
    }
    int perCode = wordsPerCode(bits);
    if (words.length % perCode != 0) {
      throw new IllegalArgumentException(
          "words.length " + words.length + " is not a multiple of wordsPerCode " + perCode);
    }
    long padding = paddingMask(bits);
    if (padding != 0) {
      for (int w = perCode - 1; w < words.length; w += perCode) {
        if ((words[w] & padding) != 0) {
          throw new IllegalArgumentException(
              "code " + (w / perCode) + " has bits set past bit " + (bits - 1));
        }
      }
    }
  }

  /**
   * Binarises continuous codes: bit j of code i is 1 iff {@code values[i*bits + j] > 0} (sign(),
   * with 0 and NaN mapped to 0).
   *
   * @param values row-major {@code count x bits}
   */
  public static BinaryCodes fromContinuous(float[] values, int count, int bits) {
    if (count < 0 || (long) count * bits != values.length) {
      throw new IllegalArgumentException(
          "values.length " + values.length + " != count " + count + " x bits " + bits);
    }
    int perCode = wordsPerCode(bits);
    long[] words = new long[count * perCode];
    for (int i = 0; i < count; i++) {
      int base = i * bits;
      for (int j = 0; j < bits; j++) {
        if (values[base + j] > 0f) {
          words[i * perCode + (j >>> 6)] |= 1L << (j & 63);
        }
      }
    }
    return new BinaryCodes(bits, words);
  }

  /**
   * One code from its stored form (the catalog's {@code image_code.code}): the code's words as
   * little-endian 64-bit integers, 8 bytes per word, so byte b holds bits 8b..8b+7.
   */
  public static long[] wordsFromBytes(byte[] bytes) {
    if (bytes.length == 0 || bytes.length % 8 != 0) {
      throw new IllegalArgumentException(
          "a stored code is a non-empty multiple of 8 bytes, not " + bytes.length);
    }
    long[] words = new long[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(words);
    return words;
  }

  /** The stored form of one code (inverse of {@link #wordsFromBytes}). */
  public static byte[] wordsToBytes(long[] words) {
    ByteBuffer buffer = ByteBuffer.allocate(words.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    buffer.asLongBuffer().put(words);
    return buffer.array();
  }

  /** Number of 64-bit words per code for a code length. */
  public static int wordsPerCode(int bits) {
    return (bits + 63) >>> 6;
  }

  /** Number of codes. */
  public int count() {
    return words.length / wordsPerCode();
  }

  public int wordsPerCode() {
    return wordsPerCode(bits);
  }

  /** Bit {@code j} of code {@code item}. */
  public boolean bit(int item, int j) {
    if (j < 0 || j >= bits) {
      throw new IndexOutOfBoundsException("bit " + j + " of a " + bits + "-bit code");
    }
    return ((words[item * wordsPerCode() + (j >>> 6)] >>> (j & 63)) & 1L) != 0;
  }

  /** A copy of the words of one code. */
  public long[] code(int item) {
    int perCode = wordsPerCode();
    Objects.checkIndex(item, count());
    return Arrays.copyOfRange(words, item * perCode, (item + 1) * perCode);
  }

  /**
   * Hamming distance between code {@code item} of this set and code {@code otherItem} of {@code
   * other}.
   */
  public int distance(int item, BinaryCodes other, int otherItem) {
    if (other.bits != bits) {
      throw new IllegalArgumentException("code lengths differ: " + bits + " vs " + other.bits);
    }
    int perCode = wordsPerCode();
    int a = item * perCode;
    int b = otherItem * perCode;
    int d = 0;
    for (int w = 0; w < perCode; w++) {
      d += Long.bitCount(words[a + w] ^ other.words[b + w]);
    }
    return d;
  }

  /** Bits of the last word that lie past {@code bits}; 0 when the code fills its words. */
  public static long paddingMask(int bits) {
    int used = bits & 63;
    return used == 0 ? 0L : -1L << used;
  }

  // Records compare arrays by reference; codes are values, so compare contents.
  @Override
  public boolean equals(Object o) {
    return o instanceof BinaryCodes other
        && other.bits == bits
        && Arrays.equals(other.words, words);
  }

  @Override
  public int hashCode() {
    return 31 * bits + Arrays.hashCode(words);
  }

  @Override
  public String toString() {
    return "BinaryCodes[bits=" + bits + ", count=" + count() + "]";
  }
}
