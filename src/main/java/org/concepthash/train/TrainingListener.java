package org.concepthash.train;

/**
 * Receives training progress on the training thread; implementations must return quickly (hand work
 * to another thread for a UI). Both methods default to doing nothing.
 */
public interface TrainingListener {

  default void onStep(StepProgress progress) {}

  default void onEpoch(EpochSummary summary) {}

  /** Calls every listener in order. */
  static TrainingListener all(TrainingListener... listeners) {
    return new TrainingListener() {
      @Override
      public void onStep(StepProgress progress) {
        for (TrainingListener l : listeners) {
          l.onStep(progress);
        }
      }

      @Override
      public void onEpoch(EpochSummary summary) {
        for (TrainingListener l : listeners) {
          l.onEpoch(summary);
        }
      }
    };
  }
}
