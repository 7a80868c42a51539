package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concepthash.jobs.TrainingJob;

/**
 * A training job as the API shows it.
 *
 * @param state queued, running, succeeded, failed or cancelled
 * @param stage snapshot, train, evaluate, export, encode or activate; null before the first
 * @param progress see org.concepthash.jobs.JobProgress
 * @param images labelled images in the job's data snapshot
 * @param log the last lines of the job's log
 */
@Serdeable
public record JobView(
    long id,
    String state,
    @Nullable String stage,
    String recipe,
    @Nullable Integer bits,
    @Nullable Integer epochs,
    boolean activate,
    Map<String, Object> progress,
    @Nullable String modelVersionId,
    @Nullable String worker,
    @Nullable String error,
    boolean cancelRequested,
    int images,
    List<String> log,
    String createdBy,
    Instant createdAt,
    @Nullable Instant startedAt,
    @Nullable Instant heartbeatAt,
    @Nullable Instant finishedAt) {

  private static final int LOG_LINES = 50;

  static JobView of(TrainingJob j) {
    List<String> lines = j.log() == null ? List.of() : j.log().lines().toList();
    return new JobView(
        j.id(),
        j.state().lowerName(),
        j.stage() == null ? null : j.stage().lowerName(),
        j.request().recipe(),
        j.request().bits(),
        j.request().epochs(),
        j.request().activate(),
        JsonValues.object(j.progress()),
        j.modelVersionId(),
        j.worker(),
        j.error(),
        j.cancelRequested(),
        j.images(),
        lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size()),
        j.createdBy(),
        j.createdAt(),
        j.startedAt(),
        j.heartbeatAt(),
        j.finishedAt());
  }
}
