package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;

/**
 * Concept tokens generated from M learnable queries q (init N(0, 1)), as the reference code does:
 *
 * <pre>
 * x1 = LN1(q) + MHA(q, q, q)            (dropout on attention probabilities)
 * x2 = LN2(x1) + FFN(x1)                FFN = fc2(dropout(ReLU(fc1(x))))
 * V  = proj(x2)                         (G -> D)
 * </pre>
 *
 * <p>Input independent, so V is a constant in eval mode. Shapes: output (M, D); G = generator
 * width. Tensors: {@code queries} (M, G), {@code attn.*}, {@code ln1}, {@code ln2}, {@code
 * ffn.fc1}, {@code ffn.fc2}, {@code proj} (D, G).
 */
public final class GeneratedConceptTokens implements ConceptTokens {

  private final ModelParameter queries;
  private final MultiHeadAttention attention;
  private final LayerNormLayer norm1;
  private final LayerNormLayer norm2;
  private final LinearLayer fc1;
  private final LinearLayer fc2;
  private final LinearLayer projection;
  private final float dropout;
  private final int concepts;

  public GeneratedConceptTokens(ParameterScope scope, ConceptHashConfig config) {
    int w = config.generatorWidth();
    this.concepts = config.concepts();
    this.dropout = config.generatorDropout();
    this.queries = scope.parameter("queries", new Shape(concepts, w), ParameterInit.normal(1.0));
    double std = Math.pow(w, -0.5);
    this.attention =
        new MultiHeadAttention(scope.child("attn"), w, config.generatorHeads(), std, std, dropout);
    this.norm1 = new LayerNormLayer(scope.child("ln1"), w);
    this.norm2 = new LayerNormLayer(scope.child("ln2"), w);
    this.fc1 = LinearLayer.pytorchDefault(scope.child("ffn.fc1"), w, w);
    this.fc2 = LinearLayer.pytorchDefault(scope.child("ffn.fc2"), w, w);
    this.projection = LinearLayer.pytorchDefault(scope.child("proj"), w, config.geometry().width());
  }

  @Override
  public NDArray tokens(boolean training) {
    NDArray q = queries.array().expandDims(0); // (1, M, G)
    NDArray x1 = norm1.forward(q).add(attention.forward(q, training).output());
    NDArray hidden = Activation.RELU.apply(fc1.forward(x1));
    if (training && dropout > 0) {
      hidden = Dropout.dropout(hidden, dropout, true).head();
    }
    NDArray x2 = norm2.forward(x1).add(fc2.forward(hidden));
    return projection.forward(x2).reshape(concepts, -1); // (M, D)
  }
}
