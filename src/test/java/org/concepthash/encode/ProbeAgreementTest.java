package org.concepthash.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The two judgements of a package's probe: CPU values within the tolerance, CUDA bits that agree
 * clear of the decision boundary. (Opening on CUDA and falling back to the CPU needs a GPU and is
 * untested.)
 */
class ProbeAgreementTest {

  private static final float[] RECORDED = {0.8f, -1.2f, 0.02f, -0.03f, 1.5f, -0.4f};

  @Test
  void identicalCodesPassBothJudgements() {
    ProbeAgreement a = ProbeAgreement.compare(RECORDED, RECORDED.clone());
    assertTrue(a.withinTolerance());
    assertTrue(a.sameBits());
    assertEquals(0, a.maxDeviation());
  }

  @Test
  void gpuRoundingPassesOnBitsButNotOnTheCpuTolerance() {
    // TF32-sized drift, including two values at the boundary that change sign
    float[] computed = {0.81f, -1.19f, -0.01f, 0.01f, 1.49f, -0.41f};
    ProbeAgreement a = ProbeAgreement.compare(RECORDED, computed);
    assertFalse(a.withinTolerance(), a.describe());
    assertTrue(a.sameBits(), a.describe());
    assertEquals(2, a.flippedNearBoundary());
    assertEquals(0, a.flippedBits());
  }

  @Test
  void aBitFlippedClearOfTheBoundaryFailsOnCuda() {
    float[] computed = RECORDED.clone();
    computed[5] = 0.1f; // -0.4 recorded: a damaged graph, not rounding
    ProbeAgreement a = ProbeAgreement.compare(RECORDED, computed);
    assertFalse(a.sameBits(), a.describe());
    assertEquals(1, a.flippedBits());
    assertFalse(a.withinTolerance());
  }

  @Test
  void notANumberFailsBoth() {
    float[] computed = RECORDED.clone();
    computed[0] = Float.NaN;
    ProbeAgreement a = ProbeAgreement.compare(RECORDED, computed);
    assertFalse(a.withinTolerance(), a.describe());
    assertFalse(a.sameBits(), a.describe());
  }

  @Test
  void aSmallCpuDeviationIsWithinTolerance() {
    float[] computed = RECORDED.clone();
    computed[1] += 5e-4f;
    assertTrue(ProbeAgreement.compare(RECORDED, computed).withinTolerance());
  }
}
