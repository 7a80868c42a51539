package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Batch normalisation over the batch axis with PyTorch semantics: batch statistics (biased variance) while
 * training, running statistics in eval; running mean/var updated with momentum 0.1, the variance unbiased.
 *
 * <p>Shapes: input (B, K), output (B, K). Tensors: {@code weight}, {@code bias} (K); buffers
 * {@code running_mean}, {@code running_var} (K).
 */
public final class BatchNorm1d {

  private static final double EPS = 1e-5;
  private static final double MOMENTUM = 0.1;
  private final ModelParameter weight;
  private final ModelParameter bias;
  private final ModelParameter runningMean;
  private final ModelParameter runningVar;

  public BatchNorm1d(ParameterScope scope, int features) {
    Shape shape = new Shape(features);
    this.weight = scope.parameter("weight", shape, ParameterInit.ones());
    this.bias = scope.parameter("bias", shape, ParameterInit.zeros());
    this.runningMean = scope.buffer("running_mean", shape, ParameterInit.zeros());
    this.runningVar = scope.buffer("running_var", shape, ParameterInit.ones());
  }

  public NDArray forward(NDArray x, boolean training) {
    NDArray mean;
    NDArray variance;
    if (training) {
      long b = x.getShape().get(0);
      if (b < 2) {
        throw new IllegalArgumentException("batch norm needs at least 2 samples while training, got " + b);
      }
      mean = x.mean(new int[] {0}); // (K)
      variance = x.sub(mean).square().mean(new int[] {0}); // (K), biased
      updateRunningStatistics(mean, variance, b);
    } else {
      mean = runningMean.array();
      variance = runningVar.array();
    }
    NDArray std = variance.add(NativeScalar.like(x, EPS)).sqrt();
    return x.sub(mean).div(std).mul(weight.array()).add(bias.array());
  }

  private void updateRunningStatistics(NDArray mean, NDArray variance, long batch) {
    // detached: the running statistics must not join the autograd graph
    NDArray keep = NativeScalar.like(mean, 1 - MOMENTUM);
    NDArray take = NativeScalar.like(mean, MOMENTUM);
    NDArray unbiased = variance.stopGradient().mul(NativeScalar.like(mean, batch / (batch - 1.0)));
    runningMean.array().muli(keep).addi(mean.stopGradient().mul(take));
    runningVar.array().muli(keep).addi(unbiased.mul(take));
  }
}
