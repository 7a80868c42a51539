package org.concepthash.reproduce.shallow;

/**
 * x -> (x - mean) W: the learned part of PCA and LDA.
 *
 * @param mean d values subtracted first
 * @param weights d x k
 */
record LinearProjection(double[] mean, double[][] weights) {

  int outputs() {
    return weights[0].length;
  }

  double[][] apply(double[][] x) {
    return Matrices.multiply(Matrices.centre(x, mean), weights);
  }

  /** PCA: the {@code k} directions of largest variance of the rows of x. */
  static LinearProjection pca(double[][] x, int k) {
    double[] mean = Matrices.mean(x);
    SymmetricEigen eigen = SymmetricEigen.of(Matrices.covariance(Matrices.centre(x, mean)));
    return new LinearProjection(mean, Matrices.leadingColumns(eigen.vectors(), k));
  }

  /**
   * LDA: the {@code k} leading directions of S_w^-1 S_b (whitened by a ridge-regularised S_w, ridge
   * = 1e-3 of its mean eigenvalue). With C classes only C - 1 directions carry between-class
   * variance; when k is larger, the rest are whitened within-class directions.
   */
  static LinearProjection lda(double[][] x, int[] labels, int classes, int k) {
    double[] mean = Matrices.mean(x);
    int d = mean.length;
    double[][] classMean = new double[classes][d];
    int[] count = new int[classes];
    for (int i = 0; i < x.length; i++) {
      count[labels[i]]++;
      for (int j = 0; j < d; j++) {
        classMean[labels[i]][j] += x[i][j];
      }
    }
    double[][] within = new double[x.length][];
    for (int c = 0; c < classes; c++) {
      for (int j = 0; j < d; j++) {
        classMean[c][j] = count[c] == 0 ? mean[j] : classMean[c][j] / count[c];
      }
    }
    for (int i = 0; i < x.length; i++) {
      within[i] = new double[d];
      for (int j = 0; j < d; j++) {
        within[i][j] = x[i][j] - classMean[labels[i]][j];
      }
    }
    double[][] sw = Matrices.covariance(within);
    double[][] between = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      between[i] = new double[d];
      for (int j = 0; j < d; j++) {
        between[i][j] = classMean[labels[i]][j] - mean[j];
      }
    }
    double[][] sb = Matrices.covariance(between);
    SymmetricEigen w = SymmetricEigen.of(sw);
    double trace = 0;
    for (double v : w.values()) {
      trace += v;
    }
    double ridge = 1e-3 * trace / d;
    double[][] whiten = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        whiten[i][j] = w.vectors()[i][j] / Math.sqrt(Math.max(w.values()[j], 0) + ridge);
      }
    }
    double[][] whitenedBetween =
        Matrices.multiply(Matrices.transpose(whiten), Matrices.multiply(sb, whiten));
    SymmetricEigen b = SymmetricEigen.of(whitenedBetween);
    return new LinearProjection(
        mean, Matrices.multiply(whiten, Matrices.leadingColumns(b.vectors(), k)));
  }
}
