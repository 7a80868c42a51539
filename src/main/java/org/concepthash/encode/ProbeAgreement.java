package org.concepthash.encode;

/**
 * How closely a runtime reproduces a package's probe codes (the continuous codes the exporting
 * network gave the probe images). Two judgements: on the CPU, where ONNX Runtime computes like the
 * export's parity check, every value must be within {@link Encoder#PROBE_TOLERANCE}; on CUDA (TF32
 * matrix products, other kernels) values drift further, and what matters is that the binary codes
 * agree: every bit whose recorded value is clear of the decision boundary (0) by {@link
 * #NEAR_BOUNDARY} must keep its sign. A damaged graph flips bits far from the boundary; GPU
 * rounding cannot.
 *
 * @param maxDeviation largest absolute difference between a recorded and a computed value
 * @param flippedBits bits whose sign differs although the recorded value is clear of the boundary
 * @param flippedNearBoundary bits whose sign differs with the recorded value within {@link
 *     #NEAR_BOUNDARY}
 */
record ProbeAgreement(double maxDeviation, int flippedBits, int flippedNearBoundary) {

  /**
   * Distance from 0 within which a recorded value may change sign. The codes are batch-norm outputs
   * (unit scale); TF32 keeps 10 mantissa bits, so a few layers of it move values by about 1e-3 to
   * 1e-2.
   */
  static final double NEAR_BOUNDARY = 0.05;

  static ProbeAgreement compare(float[] recorded, float[] computed) {
    if (recorded.length != computed.length) {
      throw new IllegalArgumentException(
          "probe codes differ in length: "
              + recorded.length
              + " recorded, "
              + computed.length
              + " computed");
    }
    double deviation = 0;
    int flipped = 0;
    int nearBoundary = 0;
    for (int i = 0; i < recorded.length; i++) {
      double d = Math.abs(computed[i] - recorded[i]);
      // NaN counts as the largest deviation and as a flip
      deviation =
          Double.isNaN(d)
              ? Double.NaN
              : Double.isNaN(deviation) ? deviation : Math.max(deviation, d);
      boolean same = (recorded[i] > 0) == (computed[i] > 0) && !Float.isNaN(computed[i]);
      if (!same) {
        if (!Float.isNaN(computed[i]) && Math.abs(recorded[i]) < NEAR_BOUNDARY) {
          nearBoundary++;
        } else {
          flipped++;
        }
      }
    }
    return new ProbeAgreement(deviation, flipped, nearBoundary);
  }

  /** The CPU judgement: every value within the tolerance. */
  boolean withinTolerance() {
    return maxDeviation <= Encoder.PROBE_TOLERANCE; // false for NaN
  }

  /** The CUDA judgement: the same binary codes, apart from bits at the decision boundary. */
  boolean sameBits() {
    return flippedBits == 0;
  }

  String describe() {
    return "max deviation "
        + maxDeviation
        + ", "
        + flippedBits
        + " bits flipped clear of the boundary, "
        + flippedNearBoundary
        + " within "
        + NEAR_BOUNDARY
        + " of it";
  }
}
