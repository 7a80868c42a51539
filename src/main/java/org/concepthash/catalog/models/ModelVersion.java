package org.concepthash.catalog.models;

import java.time.Instant;
import java.util.List;

/**
 * A model registered in the catalog: its code geometry, concept names, the training metrics recorded in its
 * package, and whether it serves search now.
 *
 * @param metrics JSON object with the package's training evaluation ({@code validation}, {@code test}
 *     retrieval reports, selection rule and epoch); "{}" when the package has none
 * @param activatedBy who activated it last; null when never active
 * @param encodedImages catalog images that have a code under this version
 */
public record ModelVersion(
    String id,
    int bits,
    int concepts,
    int bitsPerConcept,
    List<String> conceptNames,
    String metrics,
    boolean active,
    String createdBy,
    Instant createdAt,
    Instant activatedAt,
    String activatedBy,
    long encodedImages) {

  public ModelVersion {
    conceptNames = List.copyOf(conceptNames);
  }
}
