package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

/**
 * y = x W^T + b, with PyTorch's weight layout (out, in), so imported weights need no transpose.
 *
 * <p>Shapes: input (..., in), output (..., out). Tensors: {@code weight} (out, in), {@code bias}
 * (out).
 */
public final class LinearLayer {

  private final ModelParameter weight;
  private final ModelParameter bias;

  private LinearLayer(ModelParameter weight, ModelParameter bias) {
    this.weight = weight;
    this.bias = bias;
  }

  /** A layer with bias and the given weight initialiser; the bias starts at zero. */
  public static LinearLayer create(
      ParameterScope scope, int in, int out, ParameterInit weightInit) {
    return new LinearLayer(
        scope.parameter("weight", new Shape(out, in), weightInit),
        scope.parameter("bias", new Shape(out), ParameterInit.zeros()));
  }

  /** A layer with PyTorch's default initialisation (weight and bias U(+-1/sqrt(in))). */
  public static LinearLayer pytorchDefault(ParameterScope scope, int in, int out) {
    return new LinearLayer(
        scope.parameter("weight", new Shape(out, in), ParameterInit.pytorchDefault(in)),
        scope.parameter("bias", new Shape(out), ParameterInit.pytorchDefault(in)));
  }

  /** A layer without bias. */
  public static LinearLayer withoutBias(
      ParameterScope scope, int in, int out, ParameterInit weightInit) {
    return new LinearLayer(scope.parameter("weight", new Shape(out, in), weightInit), null);
  }

  public NDArray forward(NDArray x) {
    return bias == null
        ? Linear.linear(x, weight.array()).head()
        : Linear.linear(x, weight.array(), bias.array()).head();
  }
}
