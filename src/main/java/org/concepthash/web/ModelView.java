package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concepthash.jobs.TrainingJob;
import org.concepthash.serving.ModelVersion;

/**
 * A model version as the API shows it.
 *
 * @param active whether it serves search now
 * @param metrics the training evaluation recorded in its package (validation history, held-out
 *     test)
 * @param trainingJob the job that trained it here, null for a package trained elsewhere
 * @param recipe that job's recipe
 * @param snapshotImages labelled images that job trained on
 * @param evaluation that job's score of the package on the held-out split with ONNX Runtime: class
 *     and family retrieval ({@code classes}, {@code families}) and per-concept {@code localisation}
 *     where the catalog has part keypoints; null for a package trained elsewhere
 * @param partConsistency how consistently each concept finds one part (measured on registration
 *     over the catalog's annotated test images, or by the training job); null when not measured
 */
@Serdeable
public record ModelView(
    String id,
    boolean active,
    int bits,
    int concepts,
    int bitsPerConcept,
    List<String> conceptNames,
    Map<String, Object> metrics,
    long encodedImages,
    String createdBy,
    Instant createdAt,
    @Nullable Instant activatedAt,
    @Nullable String activatedBy,
    @Nullable Long trainingJob,
    @Nullable String recipe,
    @Nullable Integer snapshotImages,
    @Nullable Object evaluation,
    @Nullable PartConsistencyJson partConsistency) {

  static ModelView of(ModelVersion v, Optional<TrainingJob> job) {
    return new ModelView(
        v.id(),
        v.active(),
        v.bits(),
        v.concepts(),
        v.bitsPerConcept(),
        v.conceptNames(),
        JsonValues.record(v.metrics()),
        v.encodedImages(),
        v.createdBy(),
        v.createdAt(),
        v.activatedAt(),
        v.activatedBy(),
        job.map(TrainingJob::id).orElse(null),
        job.map(j -> j.request().recipe()).orElse(null),
        job.map(TrainingJob::images).orElse(null),
        job.flatMap(TrainingJob::evaluation).map(e -> JsonValues.object(e.toJson())).orElse(null),
        PartConsistencyJson.of(v));
  }
}
