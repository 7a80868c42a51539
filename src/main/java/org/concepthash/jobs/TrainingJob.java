package org.concepthash.jobs;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.Optional;
import org.concepthash.encode.eval.EvaluationReport;

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

  private static final Gson GSON = new Gson();

  /**
   * The job's score of its exported package on the held-out split (ONNX Runtime): class and family
   * retrieval, and where the snapshot has part keypoints the localisation error and part
   * consistency. Empty before the export stage, or when the progress cannot be read.
   */
  public Optional<EvaluationReport> evaluation() {
    try {
      JsonElement p = JsonParser.parseString(progress == null ? "{}" : progress);
      if (!p.isJsonObject()
          || !p.getAsJsonObject().has("evaluation")
          || !p.getAsJsonObject().get("evaluation").isJsonObject()) {
        return Optional.empty();
      }
      return Optional.of(
          GSON.fromJson(p.getAsJsonObject().get("evaluation"), EvaluationReport.class));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
