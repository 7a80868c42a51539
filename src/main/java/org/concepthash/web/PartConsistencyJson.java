package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.serving.ModelVersion;

/**
 * A model version's concept-part consistency as the API shows it.
 *
 * @param images annotated test images measured
 * @param meanPurity mean over the concepts of the dominant part's share
 * @param distinctDominantParts how many different parts the concepts' dominant parts are
 * @param chancePurity the same measure for random points inside the object box
 * @param unreliableBelow purities below this (chance + 0.1) are marked unreliable
 */
@Serdeable
record PartConsistencyJson(
    int images,
    double meanPurity,
    int distinctDominantParts,
    double chancePurity,
    int chanceDraws,
    long chanceSeed,
    double unreliableBelow,
    List<ConceptPartsJson> concepts) {

  /**
   * One concept's parts.
   *
   * @param summary e.g. "head in 84% of 240 annotated images"
   * @param parts every part its attention peak fell nearest to, most frequent first
   * @param suggestedName the dominant part, offered as the concept's name (purity at least 0.6, the
   *     part not taken by a purer concept); null when there is none
   */
  @Serdeable
  record ConceptPartsJson(
      int concept,
      String dominantPart,
      double purity,
      int images,
      String summary,
      boolean unreliable,
      @Nullable String suggestedName,
      List<PartShareJson> parts) {}

  @Serdeable
  record PartShareJson(String part, int images) {}

  /** Null when the version was not measured. */
  static PartConsistencyJson of(ModelVersion v) {
    return v.partConsistency().map(PartConsistencyJson::of).orElse(null);
  }

  static PartConsistencyJson of(PartConsistencyReport r) {
    List<ConceptPartsJson> concepts =
        r.concepts().stream()
            .map(
                c ->
                    new ConceptPartsJson(
                        c.concept(),
                        c.dominantPart(),
                        c.purity(),
                        c.images(),
                        c.summary(),
                        r.unreliable(c.concept()),
                        r.suggestedName(c.concept()).orElse(null),
                        c.parts().stream()
                            .map(p -> new PartShareJson(p.part(), p.images()))
                            .toList()))
            .toList();
    return new PartConsistencyJson(
        r.images(),
        r.meanPurity(),
        r.distinctDominantParts(),
        r.chance().purity(),
        r.chance().draws(),
        r.chance().seed(),
        r.chance().purity() + PartConsistencyReport.RELIABILITY_MARGIN,
        concepts);
  }
}
