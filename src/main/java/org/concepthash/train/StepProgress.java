package org.concepthash.train;

import java.time.Duration;
import java.util.Map;

/**
 * Progress after one optimisation step.
 *
 * @param epoch 1-based epoch
 * @param step 1-based step within the epoch
 * @param stepsPerEpoch full batches per epoch
 * @param loss weighted total loss of the step
 * @param terms unweighted value of each active loss term ("clf", "quan", "cd", "csd")
 * @param lr learning rate of this epoch
 * @param gradientNorm global L2 norm of the gradients before clipping
 * @param imagesPerSecond training throughput of this step (data preparation included)
 * @param eta estimated time to the end of training, evaluations excluded
 */
public record StepProgress(
    int epoch,
    int epochs,
    int step,
    int stepsPerEpoch,
    float loss,
    Map<String, Float> terms,
    double lr,
    double gradientNorm,
    double imagesPerSecond,
    Duration eta) {

  public StepProgress {
    terms = Map.copyOf(terms);
  }
}
