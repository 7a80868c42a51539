package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Bottleneck adapter A(x) = s * up(GELU_erf(down(LN(x)))). {@code up} and the biases start at zero,
 * so the adapter is a no-op at initialisation; {@code down} is kaiming-uniform; {@code scale} s
 * starts at 1.
 *
 * <p>Shapes: input (B, T, D), output (B, T, D). Tensors: {@code ln} (D), {@code down} (R, D),
 * {@code up} (D, R), {@code scale} (1), R = bottleneck.
 */
public final class Adapter {

  private final LayerNormLayer norm;
  private final LinearLayer down;
  private final LinearLayer up;
  private final ModelParameter scale;

  public Adapter(ParameterScope scope, int width, int bottleneck) {
    this.norm = new LayerNormLayer(scope.child("ln"), width);
    this.down =
        LinearLayer.create(
            scope.child("down"), width, bottleneck, ParameterInit.pytorchDefault(width));
    this.up = LinearLayer.create(scope.child("up"), bottleneck, width, ParameterInit.zeros());
    this.scale = scope.parameter("scale", new Shape(1), ParameterInit.ones());
  }

  public NDArray forward(NDArray x) {
    return up.forward(Activation.GELU_ERF.apply(down.forward(norm.forward(x)))).mul(scale.array());
  }
}
