package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import org.concepthash.model.NativeScalar;

/**
 * L_csd (Eq. 9): concepts should look at different places. With A_m the L2-normalised attention row
 * of concept m over the patches,
 *
 * <pre>
 * L_csd = 1 / (M (M - 1) / 2) * sum_{i &lt; j} mean_batch cos(A_i, A_j)
 * </pre>
 *
 * Shapes: attention (B, M, P). With M = 1 there is no pair and the term is 0.
 */
public final class ConceptSpatialDiversityLoss implements LossTerm {

  @Override
  public String name() {
    return "csd";
  }

  @Override
  public NDArray compute(LossInputs in) {
    NDArray attention = in.output().attention(); // (B, M, P)
    int m = (int) attention.getShape().get(1);
    NDArray rows = attention.normalize(2, 2, 1e-12);
    NDArray similarity = rows.matMul(rows.transpose(0, 2, 1)).mean(new int[] {0}); // (M, M)
    if (m < 2) {
      return similarity
          .sum()
          .mul(NativeScalar.like(similarity, 0)); // no pair: zero, still differentiable
    }
    float[] upper = new float[m * m];
    for (int i = 0; i < m; i++) {
      for (int j = i + 1; j < m; j++) {
        upper[i * m + j] = 2f / (m * (m - 1)); // averaging weight of each pair i < j
      }
    }
    NDArray weights =
        similarity
            .getManager()
            .create(upper, similarity.getShape())
            .toType(similarity.getDataType(), false);
    return similarity.mul(weights).sum();
  }
}
