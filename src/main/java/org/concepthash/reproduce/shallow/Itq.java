package org.concepthash.reproduce.shallow;

import java.util.Random;

/**
 * Iterative quantisation (Gong and Lazebnik, CVPR 2011): the rotation R of zero-centred
 * k-dimensional data V that minimises the quantisation loss ||sign(VR) - VR||_F^2, by alternating B
 * = sign(VR) with the orthogonal Procrustes solution R = polar(V^T B), from a seeded random
 * rotation.
 *
 * @param rotation k x k orthogonal
 * @param loss quantisation loss after each iteration (non-increasing)
 */
record Itq(double[][] rotation, double[] loss) {

  static final int ITERATIONS = 50;

  static Itq fit(double[][] v, long seed) {
    int k = v[0].length;
    double[][] r = randomRotation(k, new Random(seed));
    double[] loss = new double[ITERATIONS];
    for (int it = 0; it < ITERATIONS; it++) {
      double[][] projected = Matrices.multiply(v, r);
      double[][] b = sign(projected);
      loss[it] = distance(b, projected);
      r = polar(Matrices.multiply(Matrices.transpose(v), b));
    }
    return new Itq(r, loss);
  }

  /** sign(V R) with 0 mapped to +1, one row of +-1 per item. */
  double[][] codes(double[][] v) {
    return sign(Matrices.multiply(v, rotation));
  }

  static double[][] sign(double[][] x) {
    double[][] s = new double[x.length][x[0].length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x[0].length; j++) {
        s[i][j] = x[i][j] >= 0 ? 1 : -1;
      }
    }
    return s;
  }

  private static double distance(double[][] a, double[][] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        double d = a[i][j] - b[i][j];
        sum += d * d;
      }
    }
    return sum;
  }

  /**
   * The orthogonal factor U W^T of M = U S W^T, computed as M W S^-1 W^T from the eigenvectors W of
   * M^T M (singular values below 1e-12 of the largest are floored).
   */
  static double[][] polar(double[][] m) {
    SymmetricEigen e = SymmetricEigen.of(Matrices.multiply(Matrices.transpose(m), m));
    int k = m.length;
    double floor = 1e-24 * Math.max(e.values()[0], Double.MIN_NORMAL);
    double[][] scaled = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        scaled[i][j] = e.vectors()[i][j] / Math.sqrt(Math.max(e.values()[j], floor));
      }
    }
    return Matrices.multiply(Matrices.multiply(m, scaled), Matrices.transpose(e.vectors()));
  }

  /** Q of the Gram-Schmidt orthonormalisation of a Gaussian matrix. */
  static double[][] randomRotation(int k, Random random) {
    double[][] q = new double[k][k];
    for (int j = 0; j < k; j++) {
      double[] col = new double[k];
      for (int i = 0; i < k; i++) {
        col[i] = random.nextGaussian();
      }
      for (int p = 0; p < j; p++) {
        double dot = 0;
        for (int i = 0; i < k; i++) {
          dot += col[i] * q[i][p];
        }
        for (int i = 0; i < k; i++) {
          col[i] -= dot * q[i][p];
        }
      }
      double norm = 0;
      for (double c : col) {
        norm += c * c;
      }
      norm = Math.sqrt(norm);
      for (int i = 0; i < k; i++) {
        q[i][j] = col[i] / norm;
      }
    }
    return q;
  }
}
