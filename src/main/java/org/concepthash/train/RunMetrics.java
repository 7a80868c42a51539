package org.concepthash.train;

import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.concepthash.search.RetrievalReport;

/**
 * {@code metrics.json}, written when a run finishes (see {@link RunDirectory}).
 *
 * @param selection how the selected epoch was chosen, e.g. "best validation mAP@all"
 * @param selectedCheckpoint the selected epoch's checkpoint, relative to the run directory
 * @param epochs epochs trained
 * @param best validation of the best epoch; null without a validation split
 * @param last the last validation; null without a validation split
 * @param validation every validation, in epoch order
 * @param test test-split retrieval of the selected model; null without a test split
 */
public record RunMetrics(
    String selection,
    int selectedEpoch,
    String selectedCheckpoint,
    int epochs,
    TrainerState.Validation best,
    @SerializedName("final") TrainerState.Validation last,
    List<TrainerState.Validation> validation,
    RetrievalReport test) {

  public RunMetrics {
    validation = validation == null ? List.of() : List.copyOf(validation);
  }

  /** Reads the {@code metrics.json} of a finished run. */
  public static RunMetrics read(RunDirectory run) throws IOException {
    return RunDirectory.GSON.fromJson(
        Files.readString(run.file(RunDirectory.METRICS)), RunMetrics.class);
  }

  void write(RunDirectory run) throws IOException {
    run.writeJson(RunDirectory.METRICS, this);
  }
}
