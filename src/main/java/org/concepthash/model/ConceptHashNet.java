package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * The ConceptHash image network: ViT tower with M appended concept tokens, hash head, attention maps.
 * Tensor names: {@code vision.*} (tower and adapters), {@code concepts.*} (token source), {@code hash.*}.
 *
 * <p>Shapes: images (B, 3, S, S) normalised as {@code org.concepthash.encode.ImagePreprocessor} does;
 * outputs as in {@link ConceptHashOutput}.
 */
public final class ConceptHashNet {

  /** Name prefix of the image tower; adapters live inside it under {@code adapter_*}. */
  public static final String VISION = "vision";
  public static final String CONCEPTS = "concepts";
  public static final String HASH = "hash";

  private final ConceptHashConfig config;
  private final TokenLayout layout;
  private final VisionTransformer tower;
  private final ConceptTokens conceptTokens;
  private final HashHead hashHead;

  public ConceptHashNet(ParameterSet parameters, ConceptHashConfig config) {
    this.config = config;
    this.layout = config.tokenLayout();
    this.tower = new VisionTransformer(parameters.scope(VISION), config.geometry(), layout,
        config.adapterBottleneck());
    this.conceptTokens = ConceptTokens.create(parameters.scope(CONCEPTS), config);
    this.hashHead = new HashHead(parameters.scope(HASH), config);
  }

  public ConceptHashConfig config() {
    return config;
  }

  public TokenLayout layout() {
    return layout;
  }

  /** One forward pass; {@code training} enables dropout and batch statistics. */
  public ConceptHashOutput forward(NDArray images, boolean training) {
    TowerOutput out = tower.forward(images, conceptTokens.tokens(training), training);
    NDArray z = out.hidden().get(layout.conceptSlice(1)); // (B, M, D)
    NDArray attention = out.lastAttention()
        .get(layout.conceptSlice(2)) // (B, H, M, T): concept rows
        .get(layout.patchSlice(3)) // (B, H, M, P): patch columns only, not renormalised
        .mean(new int[] {1}); // (B, M, P)
    return new ConceptHashOutput(hashHead.forward(z, training), z, attention);
  }
}
