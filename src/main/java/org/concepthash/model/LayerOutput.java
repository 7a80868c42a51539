package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * Result of one encoder layer.
 *
 * @param hidden (B, T, D) hidden states after the layer
 * @param attention (B, H, T, T) the layer's attention probabilities
 */
public record LayerOutput(NDArray hidden, NDArray attention) {}
