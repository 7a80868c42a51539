package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * {@link ConceptAttention#LOCAL}: the M concept tokens are the queries of one cross-attention over
 * the local patch features f ({@link LocalPatchFeatures}), and a residual MLP follows:
 *
 * <pre>
 * A = softmax_p(q(LN_q(t)) k(LN_k(f))^T / sqrt(D))     (B, M, P), the concept's attention map
 * r = A v(LN_v(f));   z = r + MLP(LN_z(r))             MLP = fc2(GELU_erf(fc1(.))), D -> 2D -> D
 * </pre>
 *
 * <p>Because f is local, z holds only what lies where concept m looks: to carry, say, the head
 * colour a concept has to find the head in every image. Shapes: images (B, 3, S, S), tokens (M, D);
 * outputs z (B, M, D) and A (B, M, P). Tensors: {@code stem.*} (the features), {@code attn.ln_q},
 * {@code attn.ln_k}, {@code attn.ln_v}, {@code attn.q_proj}, {@code attn.k_proj}, {@code
 * attn.v_proj}, {@code attn.ln_z}, {@code attn.mlp.fc1}, {@code attn.mlp.fc2}.
 */
public final class LocalConceptAttention implements ConceptReader {

  private final LocalPatchFeatures features;
  private final LayerNormLayer queryNorm;
  private final LayerNormLayer keyNorm;
  private final LayerNormLayer valueNorm;
  private final LinearLayer query;
  private final LinearLayer key;
  private final LinearLayer value;
  private final LayerNormLayer outputNorm;
  private final Mlp mlp;
  private final int width;

  public LocalConceptAttention(ParameterScope scope, VitGeometry geometry) {
    int width = geometry.width();
    this.width = width;
    this.features = new LocalPatchFeatures(scope.child("stem"), geometry);
    scope = scope.child("attn");
    this.queryNorm = new LayerNormLayer(scope.child("ln_q"), width);
    this.keyNorm = new LayerNormLayer(scope.child("ln_k"), width);
    this.valueNorm = new LayerNormLayer(scope.child("ln_v"), width);
    this.query = LinearLayer.pytorchDefault(scope.child("q_proj"), width, width);
    this.key = LinearLayer.pytorchDefault(scope.child("k_proj"), width, width);
    this.value = LinearLayer.pytorchDefault(scope.child("v_proj"), width, width);
    this.outputNorm = new LayerNormLayer(scope.child("ln_z"), width);
    ParameterScope m = scope.child("mlp");
    this.mlp =
        new Mlp(
            LinearLayer.pytorchDefault(m.child("fc1"), width, 2 * width),
            Activation.GELU_ERF,
            LinearLayer.pytorchDefault(m.child("fc2"), 2 * width, width));
  }

  @Override
  public ConceptReading read(NDArray images, NDArray tokens, boolean training) {
    NDArray f = features.forward(images, training); // (B, P, D)
    NDArray q =
        query
            .forward(queryNorm.forward(tokens.expandDims(0))) // (1, M, D)
            .mul(NativeScalar.like(f, 1.0 / Math.sqrt(width)));
    NDArray k = key.forward(keyNorm.forward(f)); // (B, P, D)
    NDArray v = value.forward(valueNorm.forward(f)); // (B, P, D)
    long b = f.getShape().get(0);
    NDArray queries = q.broadcast(b, q.getShape().get(1), width);
    NDArray attention = queries.matMul(k.transpose(0, 2, 1)).softmax(-1); // (B, M, P)
    NDArray r = attention.matMul(v); // (B, M, D)
    return new ConceptReading(r.add(mlp.forward(outputNorm.forward(r))), attention);
  }
}
