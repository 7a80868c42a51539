package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * From concept-token features to the continuous code: b_m = W_h (z_m + E_m) with one Linear shared
 * by all concepts (no bias), concatenated in concept order (concept m owns bits [m K/M, (m+1)
 * K/M)), then BatchNorm1d(K).
 *
 * <p>Shapes: input z (B, M, D), output (B, K). Tensors: {@code specificity} E (M, D), init N(0, 1);
 * {@code proj.weight} (K/M, D); {@code bn.*} (K).
 */
public final class HashHead {

  private final ModelParameter specificity;
  private final LinearLayer projection;
  private final BatchNorm norm;
  private final int bits;

  public HashHead(ParameterScope scope, ConceptHashConfig config) {
    int d = config.geometry().width();
    this.bits = config.bits();
    this.specificity =
        scope.parameter("specificity", new Shape(config.concepts(), d), ParameterInit.normal(1.0));
    this.projection =
        LinearLayer.withoutBias(
            scope.child("proj"), d, config.bitsPerConcept(), ParameterInit.pytorchDefault(d));
    this.norm = new BatchNorm(scope.child("bn"), bits);
  }

  public NDArray forward(NDArray conceptFeatures, boolean training) {
    long b = conceptFeatures.getShape().get(0);
    NDArray perConcept =
        projection.forward(conceptFeatures.add(specificity.array())); // (B, M, K/M)
    return norm.forward(perConcept.reshape(b, bits), training); // (B, K), concept-major
  }
}
