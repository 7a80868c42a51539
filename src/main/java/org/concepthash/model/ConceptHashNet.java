package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * The ConceptHash image network: ViT tower with M appended concept tokens (or, for {@link
 * ConceptAttention#LOCAL}, concept tokens reading local patch features), hash head, attention maps.
 * Tensor names: {@code vision.*} (tower and adapters), {@code local.*}, {@code concepts.*} (token
 * source), {@code hash.*}.
 *
 * <p>Shapes: images (B, 3, S, S) normalised as {@code org.concepthash.model.ImagePreprocessor}
 * does; outputs as in {@link ConceptHashOutput}.
 */
public final class ConceptHashNet {

  /** Name prefix of the image tower; adapters live inside it under {@code adapter_*}. */
  public static final String VISION = "vision";

  public static final String CONCEPTS = "concepts";

  /**
   * Name prefix of the {@link ConceptAttention#LOCAL} reader ({@code local.stem}, {@code
   * local.attn}).
   */
  public static final String LOCAL = "local";

  public static final String HASH = "hash";

  private final ConceptHashConfig config;
  private final TokenLayout layout;
  private final ConceptReader reader;
  private final ConceptTokens conceptTokens;
  private final HashHead hashHead;

  public ConceptHashNet(ParameterSet parameters, ConceptHashConfig config) {
    this.config = config;
    this.layout = config.tokenLayout();
    this.reader = ConceptReader.create(parameters, config);
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
    ConceptReading reading = reader.read(images, conceptTokens.tokens(training), training);
    return new ConceptHashOutput(
        hashHead.forward(reading.features(), training), reading.features(), reading.attention());
  }
}
