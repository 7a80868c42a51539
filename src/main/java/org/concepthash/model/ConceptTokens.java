package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/** Source of the M concept tokens appended to the patch tokens. Output shape (M, D). */
public interface ConceptTokens {

  NDArray tokens(boolean training);

  /** Creates the variant {@code config} asks for under {@code scope}. */
  static ConceptTokens create(ParameterScope scope, ConceptHashConfig config) {
    return switch (config.conceptTokens()) {
      case GENERATED -> new GeneratedConceptTokens(scope, config);
      case DIRECT -> new DirectConceptTokens(scope, config);
    };
  }
}
