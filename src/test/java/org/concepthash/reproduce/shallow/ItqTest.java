package org.concepthash.reproduce.shallow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ItqTest {

  @Test
  void eigenDecompositionReconstructsTheMatrixWithOrthonormalVectors() {
    double[][] a = {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}};
    SymmetricEigen e = SymmetricEigen.of(a);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double sum = 0;
        double dot = 0;
        for (int k = 0; k < 3; k++) {
          sum += e.vectors()[i][k] * e.values()[k] * e.vectors()[j][k];
          dot += e.vectors()[k][i] * e.vectors()[k][j];
        }
        assertEquals(a[i][j], sum, 1e-9);
        assertEquals(i == j ? 1 : 0, dot, 1e-9);
      }
    }
    assertTrue(e.values()[0] >= e.values()[1] && e.values()[1] >= e.values()[2]);
  }

  /**
   * Hypercube corners hidden by a random rotation: ITQ must find a rotation that maps them back
   * onto corners, so the quantisation loss falls to about zero and the codes keep every pairwise
   * Hamming distance of the original corners (up to a permutation and sign of the bits). In two
   * dimensions every minimum of the loss is such a rotation, so the seeded start cannot matter.
   */
  @Test
  void recoversRotatedSquareCorners() {
    int n = 200;
    int k = 2;
    Random random = new Random(3);
    double[][] corners = new double[n][k];
    for (double[] row : corners) {
      for (int j = 0; j < k; j++) {
        row[j] = random.nextBoolean() ? 1 : -1;
      }
    }
    double[][] hidden = Matrices.transpose(Itq.randomRotation(k, new Random(11)));
    double[][] v = Matrices.multiply(corners, hidden);

    Itq itq = Itq.fit(v, 5);

    double[] loss = itq.loss();
    assertTrue(loss[0] > 10 * n * 1e-3, "start " + loss[0]);
    assertTrue(loss[loss.length - 1] < 1e-6 * n, "end " + loss[loss.length - 1]);
    for (int i = 1; i < loss.length; i++) {
      assertTrue(loss[i] <= loss[i - 1] + 1e-9, "loss rose at iteration " + i);
    }
    double[][] codes = itq.codes(v);
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        assertEquals(hamming(corners[a], corners[b]), hamming(codes[a], codes[b]));
      }
    }
  }

  /** In more dimensions ITQ may stop in a local minimum, but the loss never rises. */
  @Test
  void lossNeverRisesInEightDimensions() {
    Random random = new Random(4);
    double[][] v = new double[300][8];
    for (double[] row : v) {
      for (int j = 0; j < 8; j++) {
        row[j] = random.nextGaussian() * (j + 1);
      }
    }
    double[] loss = Itq.fit(v, 9).loss();
    for (int i = 1; i < loss.length; i++) {
      assertTrue(loss[i] <= loss[i - 1] + 1e-9, "loss rose at iteration " + i);
    }
    assertTrue(loss[loss.length - 1] < loss[0]);
  }

  @Test
  void polarFactorIsOrthogonal() {
    double[][] m = {{2, 1}, {0.5, 3}};
    double[][] r = Itq.polar(m);
    double[][] rtr = Matrices.multiply(Matrices.transpose(r), r);
    assertEquals(1, rtr[0][0], 1e-9);
    assertEquals(0, rtr[0][1], 1e-9);
    assertEquals(1, rtr[1][1], 1e-9);
  }

  private static int hamming(double[] a, double[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] == b[i] ? 0 : 1;
    }
    return d;
  }
}
