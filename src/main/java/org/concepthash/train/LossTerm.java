package org.concepthash.train;

import ai.djl.ndarray.NDArray;

/** One term of the ConceptHash objective. */
public interface LossTerm {

  /** Short name used in progress logs and recipe weights ("clf", "quan", "cd", "csd"). */
  String name();

  /** The term's scalar value for one batch, differentiable. */
  NDArray compute(LossInputs inputs);
}
