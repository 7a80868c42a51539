package org.concepthash.train;

import java.util.Map;
import java.util.Optional;
import org.concepthash.search.RetrievalReport;

/**
 * The end of one epoch.
 *
 * @param meanLoss mean weighted loss over the epoch's steps
 * @param meanTerms mean unweighted value of each active loss term
 * @param validation validation retrieval (queries: held-out train images, database: the rest of
 *     train), when evaluated this epoch
 * @param best whether this epoch is the best so far by validation mAP@all
 */
public record EpochSummary(
    int epoch,
    int epochs,
    float meanLoss,
    Map<String, Float> meanTerms,
    double lr,
    Optional<RetrievalReport> validation,
    boolean best) {

  public EpochSummary {
    meanTerms = Map.copyOf(meanTerms);
  }
}
