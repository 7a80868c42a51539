package org.concepthash.jobs;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.search.RetrievalReport;

/**
 * One row of {@code training_job}.
 *
 * @param stage the stage running now or last run; null before the first
 * @param progress JSON object, see {@link JobProgress}
 * @param images labelled images in the job's data snapshot
 * @param log the job's log, one event per line
 */
public record TrainingJob(
    long id,
    JobState state,
    JobStage stage,
    JobRequest request,
    String progress,
    String modelVersionId,
    String worker,
    String error,
    boolean cancelRequested,
    int images,
    String log,
    String createdBy,
    Instant createdAt,
    Instant startedAt,
    Instant heartbeatAt,
    Instant finishedAt) {

  // progress keys of the reports below; JobProgress writes them with the same Gson
  static final String TEST = "test";
  static final String EVALUATION = "evaluation";
  static final String VALIDATIONS = "evaluations";
  static final Gson GSON = new Gson();

  /**
   * The run's retrieval of the selected epoch on the held-out split (DJL). Empty before the
   * evaluate stage, without a held-out split, or when the progress cannot be read.
   */
  public Optional<RetrievalReport> test() {
    return report(TEST, RetrievalReport.class);
  }

  /** The training run's validations so far, in epoch order; empty when the progress has none. */
  public List<EpochValidation> validations() {
    return report(VALIDATIONS, EpochValidation[].class).map(List::of).orElse(List.of());
  }

  /**
   * The job's score of its exported package on the held-out split (ONNX Runtime): class and family
   * retrieval, and where the snapshot has part keypoints the localisation error and part
   * consistency. Empty before the export stage, or when the progress cannot be read.
   */
  public Optional<EvaluationReport> evaluation() {
    return report(EVALUATION, EvaluationReport.class);
  }

  private <T> Optional<T> report(String key, Class<T> type) {
    try {
      JsonElement p = JsonParser.parseString(progress == null ? "{}" : progress);
      JsonElement e = p.isJsonObject() ? p.getAsJsonObject().get(key) : null;
      return e == null || !(e.isJsonObject() || e.isJsonArray())
          ? Optional.empty()
          : Optional.of(GSON.fromJson(e, type));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
