package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/**
 * Layer normalisation over the last axis (eps 1e-5, as CLIP). Shapes: input (..., D), output (...,
 * D). Tensors: {@code weight} (D), {@code bias} (D).
 */
public final class LayerNormLayer {

  private static final float EPS = 1e-5f;
  private final ModelParameter weight;
  private final ModelParameter bias;
  private final int width;

  public LayerNormLayer(ParameterScope scope, int width) {
    this.width = width;
    this.weight = scope.parameter("weight", new Shape(width), ParameterInit.ones());
    this.bias = scope.parameter("bias", new Shape(width), ParameterInit.zeros());
  }

  public NDArray forward(NDArray x) {
    // the functional form takes the normalised shape, which sidesteps the block's axis(-1)
    // restriction
    return LayerNorm.layerNorm(x, new Shape(width), weight.array(), bias.array(), EPS).head();
  }
}
