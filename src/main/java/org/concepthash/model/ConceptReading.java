package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * What the concept tokens read from an image.
 *
 * @param features (B, M, D) the concept features z_m
 * @param attention (B, M, P) each concept's attention over the patches
 */
public record ConceptReading(NDArray features, NDArray attention) {}
