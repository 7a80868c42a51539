package org.concepthash.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HalfPrecisionTest {

  @Test
  void knownF16BitPatternsDecode() {
    assertEquals(1.0f, HalfPrecision.fromF16((short) 0x3c00));
    assertEquals(-2.0f, HalfPrecision.fromF16((short) 0xc000));
    assertEquals(65504f, HalfPrecision.fromF16((short) 0x7bff));
    assertEquals(0x1p-24f, HalfPrecision.fromF16((short) 0x0001)); // smallest subnormal
    assertEquals(Float.POSITIVE_INFINITY, HalfPrecision.fromF16((short) 0x7c00));
  }

  @Test
  void knownBf16BitPatternsDecode() {
    assertEquals(1.0f, HalfPrecision.fromBf16((short) 0x3f80));
    assertEquals(-0.5f, HalfPrecision.fromBf16((short) 0xbf00));
  }

  @Test
  void encodingRoundsToTheNearestRepresentableValue() {
    assertEquals((short) 0x3c00, HalfPrecision.toF16(1.0f));
    assertEquals((short) 0x3c01, HalfPrecision.toF16(1.0f + 0x1p-10f)); // exactly one f16 ulp
    assertEquals((short) 0x3c00, HalfPrecision.toF16(1.0f + 0x1p-12f)); // a quarter ulp rounds down
    assertEquals((short) 0x3f80, HalfPrecision.toBf16(1.0f + 0x1p-10f)); // below half a bf16 ulp
    for (float v = -3f; v < 3f; v += 0.013f) {
      assertEquals(
          v, HalfPrecision.fromF16(HalfPrecision.toF16(v)), Math.abs(v) * 0x1p-11f + 1e-7f);
      assertEquals(
          v, HalfPrecision.fromBf16(HalfPrecision.toBf16(v)), Math.abs(v) * 0x1p-8f + 1e-7f);
    }
  }
}
