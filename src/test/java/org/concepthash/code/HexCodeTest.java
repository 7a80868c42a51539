package org.concepthash.code;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HexCodeTest {

  @Test
  void theFirstBitOfTheCodeIsTheMostSignificantBit() {
    BinaryCodes first =
        BinaryCodes.fromContinuous(new float[] {1, -1, -1, -1, -1, -1, -1, -1}, 1, 8);
    assertEquals("80", HexCode.format(first.code(0), 8));
    // 6 bits 101100 -> the number 0b101100 = 0x2c, as Python's format(int('101100', 2), '02x')
    BinaryCodes six = BinaryCodes.fromContinuous(new float[] {1, -1, 1, 1, -1, -1}, 1, 6);
    assertEquals("2c", HexCode.format(six.code(0), 6));
  }

  @Test
  void formattingAndParsingAreInverseForEveryLength() {
    SplittableRandom random = new SplittableRandom(5);
    for (int bits : new int[] {1, 4, 6, 16, 63, 64, 65, 128, 130, 256}) {
      float[] values = new float[bits];
      for (int j = 0; j < bits; j++) {
        values[j] = random.nextBoolean() ? 1 : -1;
      }
      long[] words = BinaryCodes.fromContinuous(values, 1, bits).code(0);
      String hex = HexCode.format(words, bits);
      assertEquals(HexCode.digits(bits), hex.length());
      assertArrayEquals(words, HexCode.parse(hex, bits), "bits " + bits);
      assertArrayEquals(words, HexCode.parse(hex.toUpperCase(), bits), "upper case, bits " + bits);
    }
  }

  @Test
  void malformedCodesAreRefusedWithTheReason() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> HexCode.parse("abc", 8))
            .getMessage()
            .contains("has 2 hex digits"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> HexCode.parse("g0", 8))
            .getMessage()
            .contains("not a hex digit"));
    // 6 bits fit in 0x00..0x3f
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> HexCode.parse("40", 6))
            .getMessage()
            .contains("does not fit in 6 bits"));
  }
}
