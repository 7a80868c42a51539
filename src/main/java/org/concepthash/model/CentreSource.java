package org.concepthash.model;

/** Where the class centres o_c come from (Table 2 of the paper). */
public enum CentreSource {
  /** Projected text embeddings of "a photo of a <class>" (default). */
  LANGUAGE,
  /** Free C x K parameters. */
  LEARNABLE,
  /** Fixed random +-1 vectors (OrthoHash style). */
  RANDOM
}
