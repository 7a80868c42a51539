package org.concepthash.serving;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.concepthash.code.ConceptLayout;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.onnx.ModelManifest;

/**
 * A model registered in the catalog: its code geometry, concept names, the training metrics
 * recorded in its package, and whether it serves search now.
 *
 * @param metrics the package's training evaluation (selection rule and epoch, validation and test
 *     retrieval); null when the package has none
 * @param activatedBy who activated it last; null when never active
 * @param encodedImages catalog images that have a code under this version
 * @param parts how consistently each concept finds one part, over the catalog's annotated test
 *     images; null when not measured (no annotated test images, or registered before measuring
 *     existed)
 */
public record ModelVersion(
    String id,
    int bits,
    int concepts,
    int bitsPerConcept,
    List<String> conceptNames,
    ModelManifest.Training metrics,
    boolean active,
    String createdBy,
    Instant createdAt,
    Instant activatedAt,
    String activatedBy,
    long encodedImages,
    PartConsistencyReport parts) {

  public ModelVersion {
    conceptNames = List.copyOf(conceptNames);
  }

  /** Which bits of the version's codes belong to which concept. */
  public ConceptLayout layout() {
    return new ConceptLayout(bits, concepts);
  }

  /** The training evaluation, empty when the package has none. */
  public Optional<ModelManifest.Training> training() {
    return Optional.ofNullable(metrics);
  }

  /** The part measurement, empty when not measured. */
  public Optional<PartConsistencyReport> partConsistency() {
    return Optional.ofNullable(parts);
  }

  /** Whether concept {@code m} was measured and finds its part no better than chance + 0.1. */
  public boolean unreliable(int m) {
    return reliability(m) == ConceptReliability.UNRELIABLE;
  }

  public ConceptReliability reliability(int m) {
    return ConceptReliability.of(parts, m);
  }

  /**
   * Concept {@code m}'s part in words, "head in 84% of 240 annotated images", or "not measured".
   */
  public String partSummary(int m) {
    return partConsistency()
        .flatMap(p -> p.concept(m))
        .map(PartConsistencyReport.ConceptParts::summary)
        .orElse(ConceptReliability.NOT_MEASURED.label());
  }

  /** The concepts marked unreliable. */
  public Set<Integer> unreliableConcepts() {
    Set<Integer> out = new TreeSet<>();
    for (int m = 0; m < concepts; m++) {
      if (unreliable(m)) {
        out.add(m);
      }
    }
    return out;
  }
}
