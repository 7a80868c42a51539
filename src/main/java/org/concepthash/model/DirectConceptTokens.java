package org.concepthash.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Concept tokens as plain parameters (the paper's "learnable concept tokens"). Tensor {@code
 * tokens} (M, D).
 */
public final class DirectConceptTokens implements ConceptTokens {

  private final ModelParameter tokens;

  public DirectConceptTokens(ParameterScope scope, ConceptHashConfig config) {
    int d = config.geometry().width();
    this.tokens =
        scope.parameter(
            "tokens", new Shape(config.concepts(), d), ParameterInit.normal(Math.pow(d, -0.5)));
  }

  @Override
  public NDArray tokens(boolean training) {
    return tokens.array();
  }
}
