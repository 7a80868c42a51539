package org.concepthash.train;

import ai.djl.ndarray.NDArray;

/**
 * L_clf (Eq. 6): CE(logits(code, o)) with cosine logits between the continuous code and the class
 * centres o, margin on the target class. Gradients reach the network and the centres' projection.
 */
public final class ClassificationLoss implements LossTerm {

  private final CosineMarginCrossEntropy criterion;

  public ClassificationLoss(CosineMarginCrossEntropy criterion) {
    this.criterion = criterion;
  }

  @Override
  public String name() {
    return "clf";
  }

  @Override
  public NDArray compute(LossInputs in) {
    return criterion.loss(in.output().code(), in.centres(), in.oneHot());
  }
}
