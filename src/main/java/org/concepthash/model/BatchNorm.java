package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Batch normalisation of the channels on axis 1 with PyTorch semantics (BatchNorm1d on (B, K),
 * BatchNorm2d on (B, K, H, W)): statistics over every other axis while training (biased variance),
 * running statistics in eval; running mean/var updated with momentum 0.1, the variance unbiased.
 *
 * <p>Shapes: input (B, K) or (B, K, H, W), output the same. Tensors: {@code weight}, {@code bias}
 * (K); buffers {@code running_mean}, {@code running_var} (K).
 */
public final class BatchNorm {

  private static final double EPS = 1e-5;
  private static final double MOMENTUM = 0.1;
  private final ModelParameter weight;
  private final ModelParameter bias;
  private final ModelParameter runningMean;
  private final ModelParameter runningVar;

  public BatchNorm(ParameterScope scope, int features) {
    Shape shape = new Shape(features);
    this.weight = scope.parameter("weight", shape, ParameterInit.ones());
    this.bias = scope.parameter("bias", shape, ParameterInit.zeros());
    this.runningMean = scope.buffer("running_mean", shape, ParameterInit.zeros());
    this.runningVar = scope.buffer("running_var", shape, ParameterInit.ones());
  }

  public NDArray forward(NDArray x, boolean training) {
    Shape perChannel = channelShape(x);
    NDArray mean;
    NDArray variance;
    if (training) {
      long samples = x.getShape().size() / x.getShape().get(1);
      if (samples < 2) {
        throw new IllegalArgumentException(
            "batch norm needs at least 2 values per channel while training, got " + samples);
      }
      mean = meanPerChannel(x); // (1, K, 1, ...)
      variance = meanPerChannel(x.sub(mean).square()); // biased
      updateRunningStatistics(mean.reshape(-1), variance.reshape(-1), samples);
    } else {
      mean = runningMean.array().reshape(perChannel);
      variance = runningVar.array().reshape(perChannel);
    }
    NDArray std = variance.add(NativeScalar.like(x, EPS)).sqrt();
    return x.sub(mean)
        .div(std)
        .mul(weight.array().reshape(perChannel))
        .add(bias.array().reshape(perChannel));
  }

  /** (1, K) or (1, K, 1, 1): broadcasts a per-channel vector against {@code x}. */
  private static Shape channelShape(NDArray x) {
    long[] shape = new long[x.getShape().dimension()];
    Arrays.fill(shape, 1);
    shape[1] = x.getShape().get(1);
    return new Shape(shape);
  }

  /**
   * Mean over every axis but the channel axis 1, kept as size-1 axes. One axis at a time: the
   * PyTorch engine's keep-dims mean takes a single axis, and equal-sized slices make the mean of
   * means exact.
   */
  private static NDArray meanPerChannel(NDArray x) {
    NDArray mean = x.mean(new int[] {0}, true);
    for (int axis = 2; axis < x.getShape().dimension(); axis++) {
      mean = mean.mean(new int[] {axis}, true);
    }
    return mean;
  }

  private void updateRunningStatistics(NDArray mean, NDArray variance, long samples) {
    // detached: the running statistics must not join the autograd graph
    NDArray keep = NativeScalar.like(mean, 1 - MOMENTUM);
    NDArray take = NativeScalar.like(mean, MOMENTUM);
    NDArray unbiased =
        variance.stopGradient().mul(NativeScalar.like(mean, samples / (samples - 1.0)));
    runningMean.array().muli(keep).addi(mean.stopGradient().mul(take));
    runningVar.array().muli(keep).addi(unbiased.mul(take));
  }
}
