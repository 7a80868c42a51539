package org.concepthash.reproduce;

/** How a configuration turns images into codes. */
enum Method {
  /** The ConceptHash network trained by {@code train}, exported and scored by {@code eval}. */
  CONCEPT_HASH,
  /** Colour histogram of the image, PCA to K dimensions, ITQ rotation (unsupervised). */
  COLOUR_HISTOGRAM_ITQ,
  /** Raw pixels, PCA to K dimensions, ITQ rotation (unsupervised). */
  PIXEL_PCA_ITQ,
  /** Raw pixels, PCA then LDA on the training labels, ITQ rotation (supervised). */
  PIXEL_LDA_ITQ;

  boolean trained() {
    return this == CONCEPT_HASH;
  }
}
