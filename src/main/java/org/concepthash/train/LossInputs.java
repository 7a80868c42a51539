package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import org.concepthash.model.ConceptHashOutput;

/**
 * What the loss terms read for one batch.
 *
 * @param output the network's forward output (code (B, K), concept features (B, M, D), attention
 *     (B, M, P))
 * @param centres (C, K) class centres o_c
 * @param oneHot (B, C) float one-hot class labels
 */
public record LossInputs(ConceptHashOutput output, NDArray centres, NDArray oneHot) {}
