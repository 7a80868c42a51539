package org.concepthash.train;

import java.nio.file.Path;
import java.util.Optional;
import org.concepthash.search.RetrievalReport;

/**
 * How a call to {@link Trainer#run} ended.
 *
 * @param completed false when cancelled (the run can be resumed)
 * @param lastEpoch last epoch with a checkpoint (0 if none)
 * @param selectedEpoch the epoch chosen for the final model (best validation mAP, or the last epoch
 *     without a validation split); 0 when not completed
 * @param selectedCheckpoint checkpoint file of the selected epoch, when completed
 * @param test test-split retrieval of the selected model, when completed and the data set has a
 *     test split
 */
public record TrainingOutcome(
    boolean completed,
    int lastEpoch,
    int selectedEpoch,
    Optional<Path> selectedCheckpoint,
    Optional<RetrievalReport> test) {}
