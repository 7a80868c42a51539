package org.concepthash.encode.eval;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.List;
import java.util.Locale;
import org.concepthash.search.RetrievalReport;

/**
 * The result of {@code eval}: retrieval with the test split as queries and the train split as
 * database (method-spec section 5), at class level and at family level, and the localisation error
 * per concept.
 *
 * @param source the model package or codes file evaluated
 * @param model the package's id, null for a codes file
 * @param data the data set folder, null for a codes file
 * @param classes relevance = same class
 * @param families relevance = same family; null when the data has no family level above the classes
 * @param familyCount number of distinct families (0 without)
 * @param localisation null when no query image has keypoints (or for a codes file)
 * @param parts concept-part consistency over the query images with keypoints, with its chance
 *     reference; null when no query image has keypoints (or for a codes file)
 * @param imagesPerSecond encoding throughput including decoding and preprocessing; null for a codes
 *     file
 */
public record EvaluationReport(
    String source,
    String model,
    String data,
    int bits,
    int queries,
    int database,
    RetrievalReport classes,
    RetrievalReport families,
    int familyCount,
    LocalisationReport localisation,
    PartConsistencyReport parts,
    Double imagesPerSecond) {

  /**
   * Table 3 localisation error.
   *
   * @param unit what the numbers measure
   * @param images query images with keypoints that were measured
   * @param concepts error per concept, in concept order
   * @param mean mean over the concepts
   */
  public record LocalisationReport(
      String unit, int images, List<ConceptError> concepts, double mean) {}

  public record ConceptError(String concept, double error) {}

  private static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  /** One JSON object (keys always present, null where not applicable). */
  public String toJson() {
    return GSON.toJson(this);
  }

  /** Reads what {@link #toJson()} wrote. */
  public static EvaluationReport fromJson(String json) {
    return GSON.fromJson(json, EvaluationReport.class);
  }

  /** A human-readable table. */
  public String table() {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            Locale.ROOT,
            "%s: %d queries, database %d, %d bits%n",
            source,
            queries,
            database,
            bits));
    t.append(
        String.format(
            Locale.ROOT, "%-10s %9s %9s%n", "", "classes", families == null ? "" : "families"));
    row(t, "mAP@all", classes.mapAll(), families == null ? null : families.mapAll());
    row(t, "P@1", classes.precisionAt1(), families == null ? null : families.precisionAt1());
    row(t, "P@5", classes.precisionAt5(), families == null ? null : families.precisionAt5());
    row(t, "P@10", classes.precisionAt10(), families == null ? null : families.precisionAt10());
    if (localisation != null) {
      t.append(
          String.format(
              Locale.ROOT,
              "localisation error (%s), %d images:%n",
              localisation.unit(),
              localisation.images()));
      for (ConceptError e : localisation.concepts()) {
        t.append(String.format(Locale.ROOT, "  %-20s %7.2f%%%n", e.concept(), 100 * e.error()));
      }
      t.append(String.format(Locale.ROOT, "  %-20s %7.2f%%%n", "mean", 100 * localisation.mean()));
    }
    if (parts != null) {
      t.append(
          String.format(
              Locale.ROOT,
              "part consistency (dominant part of the attention peak), %d images:%n",
              parts.images()));
      for (PartConsistencyReport.ConceptParts c : parts.concepts()) {
        t.append(
            String.format(
                Locale.ROOT,
                "  %-20s %-12s purity %5.1f%%%s%n",
                conceptName(c.concept()),
                c.dominantPart(),
                100 * c.purity(),
                parts.unreliable(c.concept()) ? "  unreliable" : ""));
      }
      t.append(
          String.format(
              Locale.ROOT,
              "  %-20s %-12s purity %5.1f%%%n",
              "mean",
              parts.distinctDominantParts() + " parts",
              100 * parts.meanPurity()));
      t.append(
          String.format(
              Locale.ROOT,
              "  %-20s %-12s purity %5.1f%%%n",
              "chance (random points)",
              "",
              100 * parts.chance().purity()));
    }
    if (imagesPerSecond != null) {
      t.append(String.format(Locale.ROOT, "encoded at %.1f images/s%n", imagesPerSecond));
    }
    return t.toString();
  }

  private String conceptName(int m) {
    return localisation != null && m < localisation.concepts().size()
        ? localisation.concepts().get(m).concept()
        : "concept " + (m + 1);
  }

  private static void row(StringBuilder t, String name, double classes, Double families) {
    t.append(
        String.format(
            Locale.ROOT,
            "%-10s %9.4f %9s%n",
            name,
            classes,
            families == null ? "" : String.format(Locale.ROOT, "%.4f", families)));
  }
}
