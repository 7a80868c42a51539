package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;

/**
 * Multi-head self-attention that returns its probabilities (DJL's own attention block does not),
 * with separate q/k/v/out projections named as in Hugging Face CLIP ({@code q_proj}, {@code
 * k_proj}, {@code v_proj}, {@code out_proj}).
 *
 * <p>Shapes (B batch, T tokens, D width, H heads, hd = D / H): input (B, T, D); output (B, T, D);
 * probabilities (B, H, T, T).
 */
public final class MultiHeadAttention {

  private final LinearLayer query;
  private final LinearLayer key;
  private final LinearLayer value;
  private final LinearLayer out;
  private final int heads;
  private final float dropout;

  /**
   * @param inStd std of the q/k/v weights (CLIP: D^-0.5)
   * @param outStd std of the output projection (CLIP: D^-0.5 (2L)^-0.5)
   * @param dropout dropout on the attention probabilities while training
   */
  public MultiHeadAttention(
      ParameterScope scope, int width, int heads, double inStd, double outStd, float dropout) {
    if (width % heads != 0) {
      throw new IllegalArgumentException(
          "attention width " + width + " is not a multiple of heads " + heads);
    }
    this.query =
        LinearLayer.create(scope.child("q_proj"), width, width, ParameterInit.normal(inStd));
    this.key = LinearLayer.create(scope.child("k_proj"), width, width, ParameterInit.normal(inStd));
    this.value =
        LinearLayer.create(scope.child("v_proj"), width, width, ParameterInit.normal(inStd));
    this.out =
        LinearLayer.create(scope.child("out_proj"), width, width, ParameterInit.normal(outStd));
    this.heads = heads;
    this.dropout = dropout;
  }

  public AttentionOutput forward(NDArray x, boolean training) {
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    long d = x.getShape().get(2);
    long hd = d / heads;
    NDArray scale = NativeScalar.like(x, 1.0 / Math.sqrt(hd));
    NDArray q = split(query.forward(x).mul(scale), b, t, hd); // (B, H, T, hd)
    NDArray k = split(key.forward(x), b, t, hd); // (B, H, T, hd)
    NDArray v = split(value.forward(x), b, t, hd); // (B, H, T, hd)
    NDArray probabilities = q.matMul(k.transpose(0, 1, 3, 2)).softmax(-1); // (B, H, T, T)
    NDArray attended =
        training && dropout > 0
            ? Dropout.dropout(probabilities, dropout, true).head()
            : probabilities;
    NDArray merged =
        attended
            .matMul(v) // (B, H, T, hd)
            .transpose(0, 2, 1, 3) // (B, T, H, hd)
            .reshape(b, t, d); // (B, T, D)
    return new AttentionOutput(out.forward(merged), probabilities);
  }

  private NDArray split(NDArray x, long b, long t, long hd) {
    return x.reshape(b, t, heads, hd).transpose(0, 2, 1, 3); // (B, T, D) -> (B, H, T, hd)
  }
}
