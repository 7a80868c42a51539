package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * Result of the image tower.
 *
 * @param hidden (B, T, D) final-layer hidden states, no post-LN
 * @param lastAttention (B, H, T, T) last layer's attention probabilities
 */
public record TowerOutput(NDArray hidden, NDArray lastAttention) {}
