package org.concepthash.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * The weighted objective of one batch.
 *
 * @param total differentiable scalar: sum of weight * term over the terms with non-zero weight
 * @param terms unweighted value of each computed term by name, for logs
 */
public record LossBreakdown(NDArray total, Map<String, Float> terms) {

  public LossBreakdown {
    terms = Map.copyOf(terms);
  }
}
