package org.concepthash.serving.query;

import java.util.Arrays;
import java.util.List;
import org.concepthash.serving.ModelVersion;

/**
 * The answer to one image query, everything from one model version.
 *
 * @param model the version that encoded the query and whose codes were searched
 * @param conceptNames display names of the concepts, in concept order
 * @param conceptMask the concepts the ranking used (bit m = concept m)
 * @param k how many results were asked for
 */
public record SearchAnswer(
    ModelVersion model,
    List<String> conceptNames,
    long conceptMask,
    int k,
    Query query,
    List<Result> results) {

  public SearchAnswer {
    conceptNames = List.copyOf(conceptNames);
    results = List.copyOf(results);
  }

  /** Whether concept {@code m} took part in the ranking. */
  public boolean selected(int m) {
    return (conceptMask >>> m & 1L) != 0;
  }

  /**
   * The query's code.
   *
   * @param code hex form of the binary code (see {@code org.concepthash.code.HexCode})
   * @param subCodes per concept its bits as a '0'/'1' string
   * @param catalogImageId the query's catalog image, or null for an upload
   */
  public record Query(
      String name,
      Long catalogImageId,
      String code,
      List<String> subCodes,
      AttentionMaps attention,
      Prediction predicted) {}

  /**
   * The class whose centre is nearest to the query's code.
   *
   * @param distance Hamming distance to that centre
   * @param margin how much farther the next centre is (0 = a tie)
   */
  public record Prediction(
      String label, String displayName, String family, int distance, int margin) {}

  /**
   * One neighbour.
   *
   * @param distance Hamming distance over the selected concepts
   * @param conceptDistances distance on every concept
   * @param explanation the per-concept comparison in words
   */
  public record Result(
      long imageId,
      String label,
      String displayName,
      String family,
      int distance,
      int[] conceptDistances,
      String explanation) {

    @Override
    public boolean equals(Object o) {
      return o instanceof Result r
          && r.imageId == imageId
          && r.distance == distance
          && Arrays.equals(r.conceptDistances, conceptDistances)
          && java.util.Objects.equals(r.label, label)
          && java.util.Objects.equals(r.explanation, explanation);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(imageId) * 31 + distance;
    }

    @Override
    public String toString() {
      return "Result["
          + imageId
          + ", "
          + label
          + ", d="
          + distance
          + " "
          + Arrays.toString(conceptDistances)
          + "]";
    }
  }
}
