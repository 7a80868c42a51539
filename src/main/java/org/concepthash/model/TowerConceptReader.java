package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * {@link ConceptAttention#TOWER}, the paper: the concept tokens are appended to the ViT's patch
 * tokens; z_m is token m's final state and its map the last layer's attention over the patches,
 * averaged over heads, not renormalised. Tensors: the tower's ({@code vision.*}).
 */
final class TowerConceptReader implements ConceptReader {

  private final VisionTransformer tower;
  private final TokenLayout layout;

  TowerConceptReader(ParameterScope scope, ConceptHashConfig config) {
    this.layout = config.tokenLayout();
    this.tower =
        new VisionTransformer(scope, config.geometry(), layout, config.adapterBottleneck());
  }

  @Override
  public ConceptReading read(NDArray images, NDArray tokens, boolean training) {
    TowerOutput out = tower.forward(images, tokens, training);
    NDArray z = out.hidden().get(layout.conceptSlice(1)); // (B, M, D)
    NDArray attention =
        out.lastAttention()
            .get(layout.conceptSlice(2)) // (B, H, M, T): concept rows
            .get(layout.patchSlice(3)) // (B, H, M, P): patch columns only, not renormalised
            .mean(new int[] {1}); // (B, M, P)
    return new ConceptReading(z, attention);
  }
}
