package org.concepthash.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BinaryCodesTest {

  @Test
  void positiveValuesBecomeOneBitsAtTheDocumentedPositions() {
    int bits = 130; // three words per code, the last one partly padding
    int count = 3;
    float[] values = new float[count * bits];
    Random random = new Random(1);
    for (int v = 0; v < values.length; v++) {
      values[v] = random.nextFloat() - 0.5f;
    }
    BinaryCodes codes = BinaryCodes.fromContinuous(values, count, bits);

    assertEquals(3, codes.count());
    assertEquals(3, codes.wordsPerCode());
    for (int i = 0; i < count; i++) {
      for (int j = 0; j < bits; j++) {
        boolean expected = values[i * bits + j] > 0;
        long word = codes.words()[i * codes.wordsPerCode() + (j >>> 6)];
        assertEquals(expected, ((word >>> (j & 63)) & 1) == 1, "code " + i + " bit " + j);
        assertEquals(expected, codes.bit(i, j));
      }
    }
  }

  @Test
  void zeroAndNegativeValuesBecomeZeroBits() {
    BinaryCodes codes = BinaryCodes.fromContinuous(new float[] {0f, -1f, Float.NaN, 2f}, 1, 4);
    assertFalse(codes.bit(0, 0));
    assertFalse(codes.bit(0, 1));
    assertFalse(codes.bit(0, 2));
    assertTrue(codes.bit(0, 3));
  }

  @Test
  void distanceCountsDifferingBitsAcrossWords() {
    long[] a = {0b1011L, 1L << 63, 0b11L};
    long[] b = {0b0001L, 0L, 0b10L};
    BinaryCodes left = new BinaryCodes(130, a);
    BinaryCodes right = new BinaryCodes(130, b);
    assertEquals(2 + 1 + 1, left.distance(0, right, 0));
  }

  @Test
  void storedBytesAreLittleEndianWords() {
    byte[] stored = {0x01, 0, 0, 0, 0, 0, 0, (byte) 0x80, 0x02, 0, 0, 0, 0, 0, 0, 0};
    long[] words = BinaryCodes.wordsFromBytes(stored);
    assertArrayEquals(new long[] {1L | 1L << 63, 2L}, words);
    assertTrue(new BinaryCodes(128, words).bit(0, 0)); // byte 0, bit 0
    assertTrue(new BinaryCodes(128, words).bit(0, 63)); // byte 7, bit 7
    assertTrue(new BinaryCodes(128, words).bit(0, 65)); // byte 8, bit 1
    assertArrayEquals(stored, BinaryCodes.wordsToBytes(words));
    assertThrows(IllegalArgumentException.class, () -> BinaryCodes.wordsFromBytes(new byte[7]));
  }

  @Test
  void setPaddingBitsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new BinaryCodes(16, new long[] {1L << 16}));
  }

  @Test
  void wordCountMustFitTheCodeLength() {
    assertThrows(
        IllegalArgumentException.class, () -> new BinaryCodes(65, new long[] {1L, 0L, 1L}));
  }

  @Test
  void valueCountMustMatchCountTimesBits() {
    assertThrows(
        IllegalArgumentException.class, () -> BinaryCodes.fromContinuous(new float[10], 3, 4));
  }
}
