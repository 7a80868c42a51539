package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import org.concepthash.model.NativeScalar;

/**
 * Cross-entropy over cosine logits with an additive margin on the target class (ConceptHash Eq.
 * 6-8):
 *
 * <pre>
 * logits_c(x, W) = (1 / tau) * (cos(x, w_c) - margin * [c == y])
 * CE = mean over rows of -log softmax(logits)_y
 * </pre>
 *
 * Features and class weights are L2-normalised inside the cosine. Shapes (N rows, F features, C
 * classes): features (N, F), weights (C, F), one-hot targets (N, C); result a scalar.
 */
public record CosineMarginCrossEntropy(double temperature, double margin) {

  /** The paper's setting: tau = 1/8, margin 0.2. */
  public static CosineMarginCrossEntropy paper() {
    return new CosineMarginCrossEntropy(1.0 / 8, 0.2);
  }

  public CosineMarginCrossEntropy {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("loss.temperature must be positive, was " + temperature);
    }
    if (!(margin >= 0)) {
      throw new IllegalArgumentException("loss.margin must be >= 0, was " + margin);
    }
  }

  public NDArray loss(NDArray features, NDArray weights, NDArray oneHot) {
    NDArray cosine =
        features
            .normalize(2, 1, 1e-12)
            .matMul(weights.normalize(2, 1, 1e-12).transpose()); // (N, C)
    NDArray logits =
        cosine
            .sub(oneHot.mul(NativeScalar.like(cosine, margin)))
            .mul(NativeScalar.like(cosine, 1.0 / temperature));
    return logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean(); // scalar
  }
}
