package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterInit;
import org.concepthash.model.ParameterScope;

/**
 * L_cd (Eq. 8): every concept token alone must identify the class,
 *
 * <pre>
 * L_cd = (1/M) sum_m CE(logits(z_m + P_m, W_cd))
 * </pre>
 *
 * with W_cd a learnable (C, D) cosine classifier and P a separate (M, D) concept embedding (init
 * N(0, 0.02)). The margin applies to every concept (the reference applies it to concept 0 only, an
 * indexing slip). Tensors: {@code positions} P (M, D), {@code weight} W_cd (C, D), PyTorch-default
 * init.
 */
public final class ConceptDiscriminationLoss implements LossTerm {

  private final CosineMarginCrossEntropy criterion;
  private final ModelParameter positions;
  private final ModelParameter weight;

  public ConceptDiscriminationLoss(
      ParameterScope scope,
      CosineMarginCrossEntropy criterion,
      int concepts,
      int width,
      int classes) {
    this.criterion = criterion;
    this.positions =
        scope.parameter("positions", new Shape(concepts, width), ParameterInit.normal(0.02));
    this.weight =
        scope.parameter("weight", new Shape(classes, width), ParameterInit.pytorchDefault(width));
  }

  @Override
  public String name() {
    return "cd";
  }

  @Override
  public NDArray compute(LossInputs in) {
    NDArray z = in.output().conceptFeatures(); // (B, M, D)
    long b = z.getShape().get(0);
    long m = z.getShape().get(1);
    long c = in.oneHot().getShape().get(1);
    NDArray features =
        z.add(positions.array()).reshape(b * m, -1); // (B*M, D), row = (sample, concept)
    NDArray targets = in.oneHot().expandDims(1).broadcast(b, m, c).reshape(b * m, c); // (B*M, C)
    // the mean over all B*M rows equals the mean over concepts of each concept's batch-mean CE
    return criterion.loss(features, weight.array(), targets);
  }
}
