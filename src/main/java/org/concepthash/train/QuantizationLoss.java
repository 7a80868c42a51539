package org.concepthash.train;

import ai.djl.ndarray.NDArray;

/**
 * L_quan (Eq. 7): CE(logits(code, sign(o))): the code is pulled towards the binarised centre of its
 * class. sign() has zero gradient, so nothing flows into the centres from this term; it trains the
 * network only.
 */
public final class QuantizationLoss implements LossTerm {

  private final CosineMarginCrossEntropy criterion;

  public QuantizationLoss(CosineMarginCrossEntropy criterion) {
    this.criterion = criterion;
  }

  @Override
  public String name() {
    return "quan";
  }

  @Override
  public NDArray compute(LossInputs in) {
    return criterion.loss(in.output().code(), in.centres().stopGradient().sign(), in.oneHot());
  }
}
