package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * The ConceptHash image network: ViT tower with M appended concept tokens (or, for
 * {@link ConceptAttention#LOCAL}, concept tokens reading local patch features), hash head, attention maps.
 * Tensor names: {@code vision.*} (tower and adapters), {@code local.*}, {@code concepts.*} (token source),
 * {@code hash.*}.
 *
 * <p>Shapes: images (B, 3, S, S) normalised as {@code org.concepthash.encode.ImagePreprocessor} does;
 * outputs as in {@link ConceptHashOutput}.
 */
public final class ConceptHashNet {

  /** Name prefix of the image tower; adapters live inside it under {@code adapter_*}. */
  public static final String VISION = "vision";
  public static final String CONCEPTS = "concepts";
  /** Name prefix of the {@link ConceptAttention#LOCAL} stem ({@code local.stem}) and attention ({@code local.attn}). */
  public static final String LOCAL = "local";
  public static final String HASH = "hash";

  private final ConceptHashConfig config;
  private final TokenLayout layout;
  private final VisionTransformer tower;
  private final LocalPatchFeatures localFeatures;
  private final LocalConceptAttention localAttention;
  private final ConceptTokens conceptTokens;
  private final HashHead hashHead;

  public ConceptHashNet(ParameterSet parameters, ConceptHashConfig config) {
    this.config = config;
    this.layout = config.tokenLayout();
    boolean local = config.conceptAttention() == ConceptAttention.LOCAL;
    // LOCAL reads local features instead of the tower, which then has no tensors at all
    this.tower = local ? null : new VisionTransformer(parameters.scope(VISION), config.geometry(), layout,
        config.adapterBottleneck());
    this.localFeatures = local ? new LocalPatchFeatures(parameters.scope(LOCAL + ".stem"), config.geometry()) : null;
    this.localAttention = local ? new LocalConceptAttention(parameters.scope(LOCAL + ".attn"),
        config.geometry().width()) : null;
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
    ConceptReading reading = tower == null
        ? localAttention.forward(conceptTokens.tokens(training), localFeatures.forward(images, training))
        : readTower(images, training);
    return new ConceptHashOutput(hashHead.forward(reading.features(), training), reading.features(),
        reading.attention());
  }

  /** The paper: concept tokens appended to the ViT; maps from its last layer. */
  private ConceptReading readTower(NDArray images, boolean training) {
    TowerOutput out = tower.forward(images, conceptTokens.tokens(training), training);
    NDArray z = out.hidden().get(layout.conceptSlice(1)); // (B, M, D)
    NDArray attention = out.lastAttention()
        .get(layout.conceptSlice(2)) // (B, H, M, T): concept rows
        .get(layout.patchSlice(3)) // (B, H, M, P): patch columns only, not renormalised
        .mean(new int[] {1}); // (B, M, P)
    return new ConceptReading(z, attention);
  }
}
