package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Image to [CLS, patch tokens] with learned position embeddings, as CLIP: a bias-free convolution
 * with stride = kernel = patch size, a learned class embedding prepended, position embeddings
 * added.
 *
 * <p>Shapes (S image side, p patch, P = (S/p)^2, D width): input (B, 3, S, S), output (B, 1 + P,
 * D). Tensors: {@code patch_embedding.weight} (D, 3, p, p), {@code class_embedding} (D), {@code
 * position_embedding.weight} (1 + P, D).
 */
public final class PatchEmbedding {

  private final ModelParameter patchWeight;
  private final ModelParameter classEmbedding;
  private final ModelParameter positions;
  private final VitGeometry geometry;

  public PatchEmbedding(ParameterScope scope, VitGeometry g, TokenLayout layout) {
    this.geometry = g;
    int d = g.width();
    double std = Math.pow(d, -0.5);
    long fanIn = 3L * g.patchSize() * g.patchSize();
    this.patchWeight =
        scope.parameter(
            "patch_embedding.weight",
            new Shape(d, 3, g.patchSize(), g.patchSize()),
            ParameterInit.pytorchDefault(fanIn));
    this.classEmbedding =
        scope.parameter("class_embedding", new Shape(d), ParameterInit.normal(std));
    this.positions =
        scope.parameter(
            "position_embedding.weight",
            new Shape(layout.positioned(), d),
            ParameterInit.normal(std));
  }

  public NDArray forward(NDArray images) {
    long b = images.getShape().get(0);
    int d = geometry.width();
    int p = geometry.patchSize();
    NDArray patches =
        Conv2d.conv2d(images, patchWeight.array(), null, new Shape(p, p))
            .head() // (B, D, g, g)
            .reshape(b, d, geometry.patchCount()) // (B, D, P)
            .transpose(0, 2, 1); // (B, P, D)
    NDArray cls = classEmbedding.array().reshape(1, 1, d).broadcast(b, 1, d); // (B, 1, D)
    return NDArrays.concat(new NDList(cls, patches), 1).add(positions.array()); // (B, 1 + P, D)
  }
}
