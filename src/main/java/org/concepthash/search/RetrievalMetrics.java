package org.concepthash.search;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.concepthash.code.BinaryCodes;

/**
 * Retrieval metrics of method-spec section 5: the one implementation used by training evaluation,
 * {@code eval} and the UI.
 *
 * <p>Every query ranks the WHOLE database by Hamming distance; ties are ordered by (distance,
 * database index), so results are deterministic. An item is relevant when its label equals the
 * query's label (pass family labels for family-level mAP). Definitions, with {@code rel_k} = 1 when
 * the item at rank k is relevant:
 *
 * <ul>
 *   <li>P@k = (relevant items in the top k) / k; when the database holds fewer than k items,
 *       divided by the database size instead.
 *   <li>AP@R = sum over k &le; R of P@k * rel_k, divided by the number of relevant items in the top
 *       R; a query with no relevant item there scores 0. mAP@all is R = database size, so its
 *       denominator is the number of relevant items in the whole database.
 *   <li>mAP = the mean of AP over all queries (queries without a relevant item count as 0).
 * </ul>
 */
public final class RetrievalMetrics {

  private RetrievalMetrics() {}

  /** mAP@all and P@1/5/10 of {@code queries} against {@code database}. */
  public static RetrievalReport evaluate(
      BinaryCodes queries, int[] queryLabels, BinaryCodes database, int[] databaseLabels) {
    check(queries, queryLabels, database, databaseLabels);
    int n = database.count();
    QueryScores[] scores = scoreAll(queries, queryLabels, database, databaseLabels, n);
    double ap = 0;
    double p1 = 0;
    double p5 = 0;
    double p10 = 0;
    for (QueryScores s :
        scores) { // sequential sum in query order: the result does not depend on threads
      ap += s.averagePrecisionAtR;
      p1 += s.precisionAt1;
      p5 += s.precisionAt5;
      p10 += s.precisionAt10;
    }
    int q = scores.length;
    return new RetrievalReport(ap / q, p1 / q, p5 / q, p10 / q, q, n);
  }

  /** mAP@R: AP over the top {@code r} ranked items only (see the class comment); r &ge; 1. */
  public static double meanAveragePrecisionAt(
      int r, BinaryCodes queries, int[] queryLabels, BinaryCodes database, int[] databaseLabels) {
    if (r < 1) {
      throw new IllegalArgumentException("R must be at least 1, not " + r);
    }
    check(queries, queryLabels, database, databaseLabels);
    QueryScores[] scores =
        scoreAll(queries, queryLabels, database, databaseLabels, Math.min(r, database.count()));
    double ap = 0;
    for (QueryScores s : scores) {
      ap += s.averagePrecisionAtR;
    }
    return ap / scores.length;
  }

  /** Precision and recall at every Hamming radius 0..K (index = radius). */
  public static List<PrecisionRecallPoint> precisionRecallByRadius(
      BinaryCodes queries, int[] queryLabels, BinaryCodes database, int[] databaseLabels) {
    check(queries, queryLabels, database, databaseLabels);
    int bits = database.bits();
    int[][] retrievedAt = new int[queries.count()][];
    int[][] relevantAt = new int[queries.count()][];
    IntStream.range(0, queries.count())
        .parallel()
        .forEach(
            q -> {
              int[] retrieved = new int[bits + 1];
              int[] relevant = new int[bits + 1];
              for (int i = 0; i < database.count(); i++) {
                int d = queries.distance(q, database, i);
                retrieved[d]++;
                if (databaseLabels[i] == queryLabels[q]) {
                  relevant[d]++;
                }
              }
              retrievedAt[q] = retrieved;
              relevantAt[q] = relevant;
            });
    List<PrecisionRecallPoint> curve = new ArrayList<>(bits + 1);
    int[] totalRelevant = new int[queries.count()];
    for (int q = 0; q < queries.count(); q++) {
      totalRelevant[q] = sum(relevantAt[q]);
    }
    long[] cumRetrieved = new long[queries.count()];
    long[] cumRelevant = new long[queries.count()];
    for (int r = 0; r <= bits; r++) {
      double precisionSum = 0;
      int precisionQueries = 0;
      double recallSum = 0;
      int recallQueries = 0;
      for (int q = 0; q < queries.count(); q++) {
        cumRetrieved[q] += retrievedAt[q][r];
        cumRelevant[q] += relevantAt[q][r];
        if (cumRetrieved[q] > 0) {
          precisionSum += (double) cumRelevant[q] / cumRetrieved[q];
          precisionQueries++;
        }
        if (totalRelevant[q] > 0) {
          recallSum += (double) cumRelevant[q] / totalRelevant[q];
          recallQueries++;
        }
      }
      curve.add(
          new PrecisionRecallPoint(
              r,
              precisionQueries == 0 ? 0 : precisionSum / precisionQueries,
              recallQueries == 0 ? 0 : recallSum / recallQueries));
    }
    return curve;
  }

  /**
   * Database indices in rank order for one query: ascending (distance, index). A counting sort on
   * the small integer distances, stable, so ties keep index order without comparing.
   */
  static int[] rank(BinaryCodes queries, int query, BinaryCodes database) {
    int n = database.count();
    int[] distance = new int[n];
    int[] start = new int[database.bits() + 2];
    for (int i = 0; i < n; i++) {
      int d = queries.distance(query, database, i);
      distance[i] = d;
      start[d + 1]++;
    }
    for (int d = 1; d < start.length; d++) {
      start[d] += start[d - 1];
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[start[distance[i]]++] = i;
    }
    return order;
  }

  /** AP@R and P@k of one query; R = {@code cutoff}. */
  private record QueryScores(
      double averagePrecisionAtR, double precisionAt1, double precisionAt5, double precisionAt10) {}

  private static QueryScores[] scoreAll(
      BinaryCodes queries,
      int[] queryLabels,
      BinaryCodes database,
      int[] databaseLabels,
      int cutoff) {
    QueryScores[] scores = new QueryScores[queries.count()];
    IntStream.range(0, scores.length)
        .parallel()
        .forEach(
            q ->
                scores[q] =
                    score(rank(queries, q, database), queryLabels[q], databaseLabels, cutoff));
    return scores;
  }

  private static QueryScores score(int[] order, int label, int[] databaseLabels, int cutoff) {
    int n = order.length;
    int hits = 0;
    int hitsInCutoff = 0;
    double precisionSum = 0;
    int hitsAt1 = 0;
    int hitsAt5 = 0;
    int hitsAt10 = 0;
    int last = Math.max(cutoff, Math.min(10, n));
    for (int k = 1; k <= last; k++) {
      if (databaseLabels[order[k - 1]] == label) {
        hits++;
        if (k <= cutoff) {
          precisionSum += (double) hits / k;
        }
      }
      if (k == cutoff) {
        hitsInCutoff = hits;
      }
      if (k == Math.min(1, n)) {
        hitsAt1 = hits;
      }
      if (k == Math.min(5, n)) {
        hitsAt5 = hits;
      }
      if (k == Math.min(10, n)) {
        hitsAt10 = hits;
      }
    }
    return new QueryScores(
        hitsInCutoff == 0 ? 0 : precisionSum / hitsInCutoff,
        (double) hitsAt1 / Math.min(1, n),
        (double) hitsAt5 / Math.min(5, n),
        (double) hitsAt10 / Math.min(10, n));
  }

  private static int sum(int[] values) {
    int s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }

  private static void check(
      BinaryCodes queries, int[] queryLabels, BinaryCodes database, int[] databaseLabels) {
    if (queries.bits() != database.bits()) {
      throw new IllegalArgumentException(
          "query codes have " + queries.bits() + " bits, database codes " + database.bits());
    }
    if (queryLabels.length != queries.count()) {
      throw new IllegalArgumentException(
          queryLabels.length + " query labels for " + queries.count() + " query codes");
    }
    if (databaseLabels.length != database.count()) {
      throw new IllegalArgumentException(
          databaseLabels.length + " database labels for " + database.count() + " database codes");
    }
    if (queries.count() == 0 || database.count() == 0) {
      throw new IllegalArgumentException(
          "need at least one query and one database item, got "
              + queries.count()
              + " and "
              + database.count());
    }
  }
}
