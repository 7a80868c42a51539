package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/** How the concept tokens read an image: the choice {@link ConceptAttention} names. */
public interface ConceptReader {

  /**
   * @param images (B, 3, S, S)
   * @param tokens (M, D) the concept tokens
   */
  ConceptReading read(NDArray images, NDArray tokens, boolean training);

  /** The reader {@code config} asks for, its tensors under {@code parameters}. */
  static ConceptReader create(ParameterSet parameters, ConceptHashConfig config) {
    return switch (config.conceptAttention()) {
      case TOWER -> new TowerConceptReader(parameters.scope(ConceptHashNet.VISION), config);
      case LOCAL ->
          new LocalConceptAttention(parameters.scope(ConceptHashNet.LOCAL), config.geometry());
    };
  }
}
