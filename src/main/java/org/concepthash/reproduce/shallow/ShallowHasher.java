package org.concepthash.reproduce.shallow;

import org.concepthash.code.BinaryCodes;

/**
 * A shallow hashing baseline fitted on the database (train split): a linear projection to K
 * dimensions (PCA, or PCA then LDA), then an ITQ rotation, then the sign. Bit j of a code is 1 when
 * the j-th rotated value is >= 0.
 */
public final class ShallowHasher {

  /** PCA keeps this many dimensions before LDA, so S_w stays well conditioned on few images. */
  static final int LDA_INPUT = 128;

  private final LinearProjection first;
  private final LinearProjection second;
  private final Itq itq;
  private final int bits;

  private ShallowHasher(LinearProjection first, LinearProjection second, Itq itq, int bits) {
    this.first = first;
    this.second = second;
    this.itq = itq;
    this.bits = bits;
  }

  /** PCA to {@code bits} dimensions, then ITQ (unsupervised; Gong and Lazebnik's PCA-ITQ). */
  public static ShallowHasher pcaItq(double[][] database, int bits, long seed) {
    check(database, bits);
    LinearProjection pca = LinearProjection.pca(database, bits);
    return new ShallowHasher(pca, null, Itq.fit(pca.apply(database), seed), bits);
  }

  /**
   * PCA to min(d, 128) dimensions, LDA on the labels to {@code bits} dimensions, then ITQ
   * (supervised).
   */
  public static ShallowHasher ldaItq(
      double[][] database, int[] labels, int classes, int bits, long seed) {
    int reduced = Math.min(database[0].length, LDA_INPUT);
    check(database, Math.max(bits, 1));
    if (bits > reduced) {
      throw new IllegalArgumentException(bits + " bits need at least as many input dimensions");
    }
    LinearProjection pca = LinearProjection.pca(database, reduced);
    double[][] reducedData = pca.apply(database);
    LinearProjection lda = LinearProjection.lda(reducedData, labels, classes, bits);
    double[][] projected = lda.apply(reducedData);
    // LDA's mean is that of the PCA output (zero), so the projected data stays centred for ITQ
    return new ShallowHasher(pca, lda, Itq.fit(projected, seed), bits);
  }

  public BinaryCodes encode(double[][] features) {
    double[][] v = first.apply(features);
    if (second != null) {
      v = second.apply(v);
    }
    double[][] b = itq.codes(v);
    float[] values = new float[b.length * bits];
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < bits; j++) {
        values[i * bits + j] = (float) b[i][j];
      }
    }
    return BinaryCodes.fromContinuous(values, b.length, bits);
  }

  private static void check(double[][] database, int bits) {
    if (bits > database[0].length) {
      throw new IllegalArgumentException(
          bits
              + " bits need at least as many feature dimensions, the features have "
              + database[0].length);
    }
    if (database.length <= bits) {
      throw new IllegalArgumentException(
          bits + " bits need more than " + bits + " database images, got " + database.length);
    }
  }
}
