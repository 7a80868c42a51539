package org.concepthash.bench;

import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.VitGeometry;

/**
 * Floating-point operations of one image through the network, counted analytically from the
 * geometry: 2 per multiply-add of every matrix product (patch convolution, q/k/v/out projections,
 * attention scores and weighted sums, MLP, adapters, hash projection). Element-wise work (norms,
 * activations, softmax) is left out, as is usual for GFLOP/s figures; it is under 1% at these
 * widths.
 */
public final class FlopCount {

  private FlopCount() {}

  /**
   * Forward FLOPs per image of the exported graph: the concept tokens are a constant, and the last
   * layer computes only the M concept-token rows (queries, output projection, MLP and adapters;
   * keys and values of all T tokens).
   */
  public static long exportedForward(ConceptHashConfig config) {
    return forward(config, true);
  }

  /** Forward FLOPs per image of the training network (every layer over all T tokens). */
  public static long trainingForward(ConceptHashConfig config) {
    return forward(config, false);
  }

  static long forward(ConceptHashConfig config, boolean lastLayerConceptsOnly) {
    VitGeometry g = config.geometry();
    long d = g.width();
    long p = g.patchCount();
    long m = config.concepts();
    long t = 1 + p + m;
    long patch = (long) g.patchSize() * g.patchSize() * 3;
    long flops = 2 * p * patch * d; // patch convolution
    for (int layer = 0; layer < g.layers(); layer++) {
      long rows = lastLayerConceptsOnly && layer == g.layers() - 1 ? m : t;
      flops += 2 * rows * d * d; // q
      flops += 2 * 2 * t * d * d; // k, v
      flops += 2 * 2 * rows * t * d; // scores q k^T and probabilities x v (all heads)
      flops += 2 * rows * d * d; // out projection
      flops += 2 * 2 * rows * d * g.mlpWidth(); // MLP fc1, fc2
      flops += 2 * 2 * 2 * rows * d * config.adapterBottleneck(); // two adapters, down and up
    }
    flops += 2 * m * d * config.bitsPerConcept(); // hash projection
    return flops;
  }
}
