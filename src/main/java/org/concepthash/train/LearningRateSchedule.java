package org.concepthash.train;

/**
 * Per-epoch learning-rate factor of the reference: linear warm-up, then cosine. For epoch e
 * (1-based), W warm-up epochs and E epochs in all:
 *
 * <pre>
 * factor(e) = e / W                                  for e &lt;= W
 *           = 0.5 (1 + cos(pi (e - W) / (E - W + 1)))  otherwise
 * </pre>
 *
 * With W = 10, E = 100 this is the reference's e/10 and 0.5(1 + cos(pi (e - 10) / 91)).
 */
public record LearningRateSchedule(double baseLr, int epochs, int warmupEpochs) {

  public LearningRateSchedule {
    if (warmupEpochs < 0 || warmupEpochs > epochs) {
      throw new IllegalArgumentException("warm-up epochs must be in [0, epochs]");
    }
  }

  /** Learning rate during epoch {@code epoch} (1-based). */
  public double lr(int epoch) {
    if (epoch < 1 || epoch > epochs) {
      throw new IllegalArgumentException("epoch " + epoch + " outside 1.." + epochs);
    }
    if (epoch <= warmupEpochs) {
      return baseLr * epoch / warmupEpochs;
    }
    return baseLr
        * 0.5
        * (1 + Math.cos(Math.PI * (epoch - warmupEpochs) / (epochs - warmupEpochs + 1)));
  }
}
