package org.concepthash.encode.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a {@link PartConsistency} measurement. Stored as JSON (Gson, field names as here)
 * with a model version and in {@code eval}'s report.
 *
 * @param images annotated images measured (query / test-split images with part keypoints)
 * @param concepts per concept, in concept order
 * @param meanPurity mean of the concepts' purities
 * @param distinctDominantParts how many different parts the concepts' dominant parts are
 * @param chance the purity of random points inside the object box, measured the same way
 */
public record PartConsistencyReport(
    int images,
    List<ConceptParts> concepts,
    double meanPurity,
    int distinctDominantParts,
    Chance chance) {

  /** A concept is named after its part from this purity on. */
  public static final double NAMING_PURITY = 0.6;

  /** A concept is marked unreliable when its purity is below chance + this margin. */
  public static final double RELIABILITY_MARGIN = 0.1;

  public PartConsistencyReport {
    concepts = List.copyOf(concepts);
  }

  /**
   * One concept's parts.
   *
   * @param concept the concept's index
   * @param dominantPart the part its peak fell nearest to most often
   * @param purity that part's share of the images, 0..1
   * @param images images measured
   * @param parts every part it fell on, most frequent first
   */
  public record ConceptParts(
      int concept, String dominantPart, double purity, int images, List<PartShare> parts) {

    public ConceptParts {
      parts = List.copyOf(parts);
    }

    /** E.g. "head in 84% of 240 annotated images". */
    public String summary() {
      return String.format(
          Locale.ROOT,
          "%s in %d%% of %d annotated image%s",
          dominantPart,
          Math.round(100 * purity),
          images,
          images == 1 ? "" : "s");
    }
  }

  /** How many measured images a part won. */
  public record PartShare(String part, int images) {}

  /**
   * The chance reference.
   *
   * @param purity mean purity of {@code draws} random concepts
   * @param seed the random generator's seed
   */
  public record Chance(double purity, int draws, long seed) {}

  /** The measurement of concept {@code m}, empty when the report has no such concept. */
  public Optional<ConceptParts> concept(int m) {
    return m >= 0 && m < concepts.size() ? Optional.of(concepts.get(m)) : Optional.empty();
  }

  /**
   * Whether concept {@code m} finds its part no better than chance + {@link #RELIABILITY_MARGIN}.
   */
  public boolean unreliable(int m) {
    return concept(m).map(c -> c.purity() < chance.purity() + RELIABILITY_MARGIN).orElse(false);
  }

  /**
   * A name to suggest for concept {@code m}: its dominant part, when its purity is at least {@link
   * #NAMING_PURITY}, it is not {@linkplain #unreliable unreliable} (a part that wins that often by
   * chance names nothing), and no concept with a higher purity (or equal purity and a lower index)
   * has the same dominant part.
   */
  public Optional<String> suggestedName(int m) {
    List<ConceptParts> ranked = new ArrayList<>(concepts);
    ranked.sort(
        Comparator.comparingDouble(ConceptParts::purity)
            .reversed()
            .thenComparingInt(ConceptParts::concept));
    Set<String> taken = new HashSet<>();
    for (ConceptParts c : ranked) {
      boolean named =
          c.purity() >= NAMING_PURITY && !unreliable(c.concept()) && taken.add(c.dominantPart());
      if (c.concept() == m) {
        return named ? Optional.of(c.dominantPart()) : Optional.empty();
      }
    }
    return Optional.empty();
  }
}
