package org.concepthash.model;

/**
 * IEEE binary16 (F16) and bfloat16 (BF16) bit patterns to and from float. DJL cannot create BF16
 * arrays (the JVM aborts), so half-precision checkpoint entries are widened here, in Java.
 */
public final class HalfPrecision {

  private HalfPrecision() {}

  /** BF16 is the upper half of a float32. */
  public static float fromBf16(short bits) {
    return Float.intBitsToFloat((bits & 0xffff) << 16);
  }

  /** Rounds to nearest even. */
  public static short toBf16(float value) {
    int bits = Float.floatToRawIntBits(value);
    if (Float.isNaN(value)) {
      return (short) 0x7fc0;
    }
    int rounding = 0x7fff + ((bits >>> 16) & 1);
    return (short) ((bits + rounding) >>> 16);
  }

  public static float fromF16(short bits) {
    int h = bits & 0xffff;
    int sign = (h >>> 15) << 31;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // inf / NaN
    }
    if (exponent == 0) {
      float magnitude = mantissa * 0x1p-24f; // subnormal (or zero)
      return sign == 0 ? magnitude : -magnitude;
    }
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  /** Rounds to nearest even; overflow becomes infinity. */
  public static short toF16(float value) {
    int bits = Float.floatToRawIntBits(value);
    int sign = (bits >>> 16) & 0x8000;
    float abs = Math.abs(value);
    if (Float.isNaN(value)) {
      return (short) (sign | 0x7e00);
    }
    if (abs >= 65520f) {
      return (short) (sign | 0x7c00);
    }
    if (abs < 0x1p-14f) {
      return (short) (sign | Math.round(abs * 0x1p24f)); // subnormal
    }
    int exponent = ((bits >>> 23) & 0xff) - 112;
    int mantissa = bits & 0x7fffff;
    int half = (exponent << 10) | (mantissa >>> 13);
    int rest = mantissa & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
      half++;
    }
    return (short) (sign | half);
  }
}
