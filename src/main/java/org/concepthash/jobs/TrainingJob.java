package org.concepthash.jobs;

import java.time.Instant;

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
    Instant finishedAt) {}
