package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-LN ViT image tower with extra tokens appended after the patches: [CLS, patches (+
 * positions), extra tokens (no positions)] -> {@code ln_pre} -> L encoder layers. The extra tokens
 * enter at the input layer only.
 *
 * <p>Shapes: images (B, 3, S, S), extra tokens (M, D); hidden (B, T, D), last attention (B, H, T,
 * T), T = 1 + P + M as given by the {@link TokenLayout}. Tensors: {@code embeddings.*}, {@code
 * ln_pre}, {@code layers.i.*}.
 */
public final class VisionTransformer {

  private final PatchEmbedding embeddings;
  private final LayerNormLayer preNorm;
  private final List<EncoderLayer> layers = new ArrayList<>();
  private final TokenLayout layout;

  public VisionTransformer(
      ParameterScope scope, VitGeometry g, TokenLayout layout, int adapterBottleneck) {
    this.layout = layout;
    this.embeddings = new PatchEmbedding(scope.child("embeddings"), g, layout);
    this.preNorm = new LayerNormLayer(scope.child("ln_pre"), g.width());
    for (int i = 0; i < g.layers(); i++) {
      layers.add(new EncoderLayer(scope.child("layers." + i), g, adapterBottleneck));
    }
  }

  public TowerOutput forward(NDArray images, NDArray extraTokens, boolean training) {
    long b = images.getShape().get(0);
    long d = extraTokens.getShape().get(1);
    if (extraTokens.getShape().get(0) != layout.concepts()) {
      throw new IllegalArgumentException(
          "expected " + layout.concepts() + " extra tokens, got " + extraTokens.getShape());
    }
    NDArray extra = extraTokens.reshape(1, layout.concepts(), d).broadcast(b, layout.concepts(), d);
    NDArray h =
        preNorm.forward(
            NDArrays.concat(new NDList(embeddings.forward(images), extra), 1)); // (B, T, D)
    NDArray attention = null;
    for (EncoderLayer layer : layers) {
      LayerOutput out = layer.forward(h, training);
      h = out.hidden();
      attention = out.attention();
    }
    return new TowerOutput(h, attention);
  }
}
