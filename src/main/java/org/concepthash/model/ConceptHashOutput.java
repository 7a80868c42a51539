package org.concepthash.model;

import ai.djl.ndarray.NDArray;

/**
 * Named outputs of one forward pass; an ONNX export uses the component names as output names.
 *
 * @param code (B, K) continuous code (batch-norm output); the binary code is sign(code), bit = code
 *     > 0
 * @param conceptFeatures (B, M, D) final hidden states z_m of the concept tokens
 * @param attention (B, M, P) last-layer attention of each concept token over the patch tokens,
 *     averaged over heads, not renormalised; reshape to (B, M, S/p, S/p) for a map
 */
public record ConceptHashOutput(NDArray code, NDArray conceptFeatures, NDArray attention) {}
