package org.concepthash.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.concepthash.code.BinaryCodes;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {

  private static final double EPS = 1e-12;

  /** Four-bit codes; bit j of the string below is character j from the left. */
  private static BinaryCodes codes(String... bitStrings) {
    int bits = bitStrings[0].length();
    long[] words = new long[bitStrings.length];
    for (int i = 0; i < bitStrings.length; i++) {
      for (int j = 0; j < bits; j++) {
        if (bitStrings[i].charAt(j) == '1') {
          words[i] |= 1L << j;
        }
      }
    }
    return new BinaryCodes(bits, words);
  }

  @Test
  void handWorkedExampleOrdersTiesByDatabaseIndex() {
    // query 0000 (label 1). Database: #0 1000 d1 rel, #1 0000 d0 not rel, #2 1100 d2 rel, #3 0000
    // d0 rel.
    // Rank order by (distance, index): #1, #3, #0, #2 -> relevance 0,1,1,1.
    // AP = (1/2 + 2/3 + 3/4) / 3 ; P@1 = 0 ; P@5 = P@10 = 3/4 (only 4 items in the database).
    BinaryCodes database = codes("1000", "0000", "1100", "0000");
    int[] databaseLabels = {1, 2, 1, 1};
    RetrievalReport report =
        RetrievalMetrics.evaluate(codes("0000"), new int[] {1}, database, databaseLabels);

    assertEquals((1.0 / 2 + 2.0 / 3 + 3.0 / 4) / 3, report.mapAll(), EPS);
    assertEquals(0.0, report.precisionAt1(), EPS);
    assertEquals(0.75, report.precisionAt5(), EPS);
    assertEquals(0.75, report.precisionAt10(), EPS);
    assertEquals(1, report.queries());
    assertEquals(4, report.databaseSize());
  }

  @Test
  void aQueryWithoutRelevantItemsScoresZeroAndStillCounts() {
    BinaryCodes database = codes("1000", "0000", "1100", "0000");
    int[] databaseLabels = {1, 2, 1, 1};
    RetrievalReport report =
        RetrievalMetrics.evaluate(
            codes("0000", "0000"), new int[] {1, 7}, database, databaseLabels);

    assertEquals((1.0 / 2 + 2.0 / 3 + 3.0 / 4) / 3 / 2, report.mapAll(), EPS);
    assertEquals(2, report.queries());
  }

  @Test
  void mapAtRDividesByTheRelevantItemsWithinTheTopR() {
    // Same ranking as above: relevance 0,1,1,1. Top 2: one hit at rank 2 -> AP@2 = (1/2) / 1.
    BinaryCodes database = codes("1000", "0000", "1100", "0000");
    int[] databaseLabels = {1, 2, 1, 1};
    assertEquals(
        0.5,
        RetrievalMetrics.meanAveragePrecisionAt(
            2, codes("0000"), new int[] {1}, database, databaseLabels),
        EPS);
    assertEquals(
        0.0,
        RetrievalMetrics.meanAveragePrecisionAt(
            1, codes("0000"), new int[] {1}, database, databaseLabels),
        EPS);
  }

  @Test
  void familyLabelsMakeMoreItemsRelevant() {
    // classes 1 and 2 both belong to family 10: item #1 becomes relevant, AP = 1.
    BinaryCodes database = codes("1000", "0000", "1100", "0000");
    RetrievalReport family =
        RetrievalMetrics.evaluate(
            codes("0000"), new int[] {10}, database, new int[] {10, 10, 10, 10});
    assertEquals(1.0, family.mapAll(), EPS);
    assertEquals(1.0, family.precisionAt1(), EPS);
  }

  @Test
  void metricsMatchAPlainReferenceOnRandomCodesWithManyTies() {
    Random random = new Random(42);
    int bits = 6; // 64 possible codes for 300 items: many exact ties
    BinaryCodes database = randomCodes(random, 300, bits);
    BinaryCodes queries = randomCodes(random, 40, bits);
    int[] databaseLabels = random.ints(300, 0, 5).toArray();
    int[] queryLabels = random.ints(40, 0, 6).toArray(); // label 5 has no relevant item

    RetrievalReport report =
        RetrievalMetrics.evaluate(queries, queryLabels, database, databaseLabels);

    double ap = 0;
    double apAt20 = 0;
    double[] precision = new double[3];
    int[] ks = {1, 5, 10};
    for (int q = 0; q < queries.count(); q++) {
      boolean[] rel =
          referenceRelevanceInRankOrder(queries, q, queryLabels[q], database, databaseLabels);
      ap += referenceAveragePrecision(rel, rel.length);
      apAt20 += referenceAveragePrecision(rel, 20);
      for (int i = 0; i < ks.length; i++) {
        precision[i] += referencePrecisionAt(rel, ks[i]);
      }
    }
    int q = queries.count();
    assertEquals(ap / q, report.mapAll(), 1e-12);
    assertEquals(precision[0] / q, report.precisionAt1(), 1e-12);
    assertEquals(precision[1] / q, report.precisionAt5(), 1e-12);
    assertEquals(precision[2] / q, report.precisionAt10(), 1e-12);
    assertEquals(
        apAt20 / q,
        RetrievalMetrics.meanAveragePrecisionAt(20, queries, queryLabels, database, databaseLabels),
        1e-12);
  }

  @Test
  void precisionRecallPointsMatchAPlainReference() {
    Random random = new Random(7);
    int bits = 5;
    BinaryCodes database = randomCodes(random, 120, bits);
    BinaryCodes queries = randomCodes(random, 15, bits);
    int[] databaseLabels = random.ints(120, 0, 4).toArray();
    int[] queryLabels = random.ints(15, 0, 5).toArray();

    List<PrecisionRecallPoint> curve =
        RetrievalMetrics.precisionRecallByRadius(queries, queryLabels, database, databaseLabels);

    assertEquals(bits + 1, curve.size());
    for (int r = 0; r <= bits; r++) {
      double precisionSum = 0;
      int precisionQueries = 0;
      double recallSum = 0;
      int recallQueries = 0;
      for (int q = 0; q < queries.count(); q++) {
        int retrieved = 0;
        int relevantRetrieved = 0;
        int relevant = 0;
        for (int i = 0; i < database.count(); i++) {
          boolean isRelevant = databaseLabels[i] == queryLabels[q];
          boolean within = queries.distance(q, database, i) <= r;
          relevant += isRelevant ? 1 : 0;
          retrieved += within ? 1 : 0;
          relevantRetrieved += within && isRelevant ? 1 : 0;
        }
        if (retrieved > 0) {
          precisionSum += (double) relevantRetrieved / retrieved;
          precisionQueries++;
        }
        if (relevant > 0) {
          recallSum += (double) relevantRetrieved / relevant;
          recallQueries++;
        }
      }
      PrecisionRecallPoint point = curve.get(r);
      assertEquals(r, point.radius());
      assertEquals(
          precisionQueries == 0 ? 0 : precisionSum / precisionQueries, point.precision(), 1e-12);
      assertEquals(recallSum / recallQueries, point.recall(), 1e-12);
    }
    assertEquals(1.0, curve.get(bits).recall(), 1e-12);
  }

  static BinaryCodes randomCodes(Random random, int count, int bits) {
    float[] values = new float[count * bits];
    for (int v = 0; v < values.length; v++) {
      values[v] = random.nextBoolean() ? 1f : -1f;
    }
    return BinaryCodes.fromContinuous(values, count, bits);
  }

  /** Sorts database indices with a comparator on (distance, index): slow and plainly right. */
  private static boolean[] referenceRelevanceInRankOrder(
      BinaryCodes queries, int q, int label, BinaryCodes database, int[] databaseLabels) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < database.count(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingInt(i -> queries.distance(q, database, i))
            .thenComparingInt(i -> i));
    boolean[] rel = new boolean[order.size()];
    for (int k = 0; k < rel.length; k++) {
      rel[k] = databaseLabels[order.get(k)] == label;
    }
    return rel;
  }

  /** AP@R straight from the definition: P@k recomputed from scratch at every relevant rank. */
  private static double referenceAveragePrecision(boolean[] rel, int r) {
    double sum = 0;
    int relevantInTop = 0;
    for (int k = 1; k <= r; k++) {
      if (rel[k - 1]) {
        relevantInTop++;
        sum += referencePrecisionAt(rel, k);
      }
    }
    return relevantInTop == 0 ? 0 : sum / relevantInTop;
  }

  private static double referencePrecisionAt(boolean[] rel, int k) {
    int hits = 0;
    for (int i = 0; i < k; i++) {
      hits += rel[i] ? 1 : 0;
    }
    return (double) hits / k;
  }
}
