package org.concepthash.reproduce.shallow;

/** The few dense-matrix products the linear hashing baselines need, rows first. */
final class Matrices {

  private Matrices() {}

  /** a (n x m) times b (m x k). */
  static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int m = b.length;
    int k = b[0].length;
    double[][] out = new double[n][k];
    for (int i = 0; i < n; i++) {
      double[] row = out[i];
      for (int j = 0; j < m; j++) {
        double aij = a[i][j];
        if (aij != 0) {
          double[] bj = b[j];
          for (int c = 0; c < k; c++) {
            row[c] += aij * bj[c];
          }
        }
      }
    }
    return out;
  }

  static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  /** The first {@code k} columns of {@code a}. */
  static double[][] leadingColumns(double[][] a, int k) {
    double[][] out = new double[a.length][k];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], 0, out[i], 0, k);
    }
    return out;
  }

  /** Column means of {@code x}. */
  static double[] mean(double[][] x) {
    double[] mean = new double[x[0].length];
    for (double[] row : x) {
      for (int j = 0; j < mean.length; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < mean.length; j++) {
      mean[j] /= x.length;
    }
    return mean;
  }

  /** x with {@code mean} subtracted from every row (a new matrix). */
  static double[][] centre(double[][] x, double[] mean) {
    double[][] out = new double[x.length][mean.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < mean.length; j++) {
        out[i][j] = x[i][j] - mean[j];
      }
    }
    return out;
  }

  /** X^T X / n of centred rows. */
  static double[][] covariance(double[][] centred) {
    int d = centred[0].length;
    double[][] c = new double[d][d];
    for (double[] row : centred) {
      for (int i = 0; i < d; i++) {
        double ri = row[i];
        if (ri != 0) {
          double[] ci = c[i];
          for (int j = i; j < d; j++) {
            ci[j] += ri * row[j];
          }
        }
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = i; j < d; j++) {
        c[i][j] /= centred.length;
        c[j][i] = c[i][j];
      }
    }
    return c;
  }
}
