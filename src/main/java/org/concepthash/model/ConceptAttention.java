package org.concepthash.model;

/** Where the concept tokens look, which decides what their attention maps mean. */
public enum ConceptAttention {
  /**
   * The paper: concept tokens are appended to the ViT's patch tokens and the map is the last
   * layer's attention. After a few layers of global attention any patch may carry the whole object,
   * so nothing forces a concept to look at one part (measured in docs/interpretability.md).
   */
  TOWER,
  /**
   * A variant: the concept tokens are queries of one cross-attention over local patch features (a
   * small convolutional stem whose receptive field is about a part), so a concept only learns what
   * lies where it looks; the ViT tower is not used.
   */
  LOCAL
}
