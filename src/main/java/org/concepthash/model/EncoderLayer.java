package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * Pre-LN transformer layer with two adapters in series after attention and MLP (ConceptHash
 * Appendix A, as the reference places them):
 *
 * <pre>
 * a = Attn(LN1(h));  h = h + a + A1(a)
 * m = MLP(LN2(h));   h = h + m + A2(m)
 * </pre>
 *
 * <p>Shapes: input (B, T, D), output hidden (B, T, D) and attention (B, H, T, T). Tensor names
 * follow Hugging Face CLIP inside the layer ({@code layer_norm1}, {@code self_attn}, {@code
 * layer_norm2}, {@code mlp.fc1}, {@code mlp.fc2}); adapters are {@code adapter_attn} and {@code
 * adapter_mlp}.
 */
public final class EncoderLayer {

  private final LayerNormLayer norm1;
  private final MultiHeadAttention attention;
  private final Adapter attentionAdapter;
  private final LayerNormLayer norm2;
  private final Mlp mlp;
  private final Adapter mlpAdapter;

  /** Registers the layer's tensors; residual-branch inits scale with the tower depth as in CLIP. */
  public EncoderLayer(ParameterScope scope, VitGeometry g, int adapterBottleneck) {
    int d = g.width();
    double attnStd = Math.pow(d, -0.5);
    double projStd = attnStd * Math.pow(2.0 * g.layers(), -0.5);
    double fcStd = Math.pow(2.0 * d, -0.5);
    this.norm1 = new LayerNormLayer(scope.child("layer_norm1"), d);
    this.attention =
        new MultiHeadAttention(scope.child("self_attn"), d, g.heads(), attnStd, projStd, 0f);
    this.attentionAdapter = new Adapter(scope.child("adapter_attn"), d, adapterBottleneck);
    this.norm2 = new LayerNormLayer(scope.child("layer_norm2"), d);
    ParameterScope m = scope.child("mlp");
    this.mlp =
        new Mlp(
            LinearLayer.create(m.child("fc1"), d, g.mlpWidth(), ParameterInit.normal(fcStd)),
            Activation.QUICK_GELU,
            LinearLayer.create(m.child("fc2"), g.mlpWidth(), d, ParameterInit.normal(projStd)));
    this.mlpAdapter = new Adapter(scope.child("adapter_mlp"), d, adapterBottleneck);
  }

  public LayerOutput forward(NDArray h, boolean training) {
    AttentionOutput a = attention.forward(norm1.forward(h), training);
    NDArray afterAttention = h.add(a.output()).add(attentionAdapter.forward(a.output()));
    NDArray m = mlp.forward(norm2.forward(afterAttention));
    NDArray out = afterAttention.add(m).add(mlpAdapter.forward(m));
    return new LayerOutput(out, a.probabilities());
  }
}
