package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * Result of one multi-head self-attention.
 *
 * @param output (B, T, D) attended values after the output projection
 * @param probabilities (B, H, T, T) softmax attention; row = querying token, column = attended
 *     token
 */
public record AttentionOutput(NDArray output, NDArray probabilities) {}
