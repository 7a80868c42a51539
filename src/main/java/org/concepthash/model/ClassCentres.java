package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The class centres o (C, K) the code is classified against. Tensors live under the scope the
 * variant is created with ({@code centres.*} in a training run).
 */
public interface ClassCentres {

  /** Current centres, (C, K); differentiable where the variant has trainable parts. */
  NDArray centres();

  /** The prompt for a class: "a photo of a <name>" with underscores as spaces. */
  static String prompt(String className) {
    return "a photo of a " + className.replace('_', ' ').trim();
  }

  /**
   * Language-guided centres o_c = t(sign(e_c)) (reference) or t(e_c) (paper text) with t =
   * Linear(d, 512), ReLU, Linear(512, K). Tensors: buffer {@code embeddings} (C, d), holding
   * sign(e) when binarised; {@code proj.fc1}, {@code proj.fc2}.
   */
  static ClassCentres language(
      ParameterScope scope, float[][] embeddings, int bits, boolean binarise) {
    int classes = embeddings.length;
    int d = embeddings[0].length;
    float[] flat = new float[classes * d];
    for (int c = 0; c < classes; c++) {
      if (embeddings[c].length != d) {
        throw new IllegalArgumentException(
            "text embedding " + c + " has " + embeddings[c].length + " values, expected " + d);
      }
      for (int j = 0; j < d; j++) {
        flat[c * d + j] = binarise ? (embeddings[c][j] > 0 ? 1f : -1f) : embeddings[c][j];
      }
    }
    ModelParameter stored =
        scope.buffer("embeddings", new Shape(classes, d), ParameterInit.zeros());
    stored.load(flat);
    Mlp projection =
        new Mlp(
            LinearLayer.pytorchDefault(scope.child("proj.fc1"), d, 512),
            Activation.RELU,
            LinearLayer.pytorchDefault(scope.child("proj.fc2"), 512, bits));
    return () -> projection.forward(stored.array());
  }

  /** Free centres, tensor {@code weight} (C, K), init N(0, 1). */
  static ClassCentres learnable(ParameterScope scope, int classes, int bits) {
    ModelParameter weight =
        scope.parameter("weight", new Shape(classes, bits), ParameterInit.normal(1.0));
    return weight::array;
  }

  /** Fixed random +-1 centres, buffer {@code weight} (C, K), drawn from the set's seed. */
  static ClassCentres random(ParameterScope scope, int classes, int bits) {
    ModelParameter weight =
        scope.buffer("weight", new Shape(classes, bits), ParameterInit.randomSigns());
    return weight::array;
  }
}
