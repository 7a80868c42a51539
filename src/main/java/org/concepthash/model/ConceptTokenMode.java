package org.concepthash.model;

/** How the M concept tokens appended to the patch tokens are produced. */
public enum ConceptTokenMode {
  /**
   * Reference code: generated every forward pass from M learnable queries by a small attention +
   * FFN block and a projection to the tower width. Input independent, so a constant at inference.
   */
  GENERATED,
  /** Paper text: the M x D tokens are parameters themselves. */
  DIRECT
}
