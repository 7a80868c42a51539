package org.concepthash.train;

import java.util.ArrayList;
import java.util.List;
import org.concepthash.search.RetrievalReport;

/**
 * Bookkeeping stored with each checkpoint.
 *
 * @param epoch last completed epoch
 * @param bestEpoch epoch with the best validation mAP@all so far, 0 if none evaluated
 * @param bestMap that mAP@all, -1 if none
 * @param validation every validation result so far, in epoch order
 */
public record TrainerState(int epoch, int bestEpoch, double bestMap, List<Validation> validation) {

  /** One validation result. */
  public record Validation(int epoch, RetrievalReport report) {}

  public TrainerState {
    validation = List.copyOf(validation);
  }

  static TrainerState initial() {
    return new TrainerState(0, 0, -1, List.of());
  }

  /** The state after epoch {@code e}, with its validation result if one was computed. */
  TrainerState after(int e, RetrievalReport report) {
    if (report == null) {
      return new TrainerState(e, bestEpoch, bestMap, validation);
    }
    List<Validation> history = new ArrayList<>(validation);
    history.add(new Validation(e, report));
    boolean better = report.mapAll() > bestMap;
    return new TrainerState(e, better ? e : bestEpoch, better ? report.mapAll() : bestMap, history);
  }
}
