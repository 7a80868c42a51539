package org.concepthash.reproduce;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * One JSON line of the reproduction: one configuration on one seed. Metrics that do not apply (no
 * concepts, no keypoints) are null. Retrieval: queries = test split, database = train split,
 * Hamming ranking with ties by database index ({@link org.concepthash.search.RetrievalMetrics}).
 *
 * @param configuration {@link Configuration#id()}
 * @param seed the seed index s: the world is generated with seed {@code worldSeed}, training uses
 *     seed s
 * @param worldSeed the parts world's generator seed (null for Fashion-MNIST)
 * @param trainImages images the model was fitted on (train split minus validation)
 * @param classMap mAP@all, relevance = same class
 * @param familyMap mAP@all, relevance = same family
 * @param localisation mean distance from a concept's attention peak to the nearest part keypoint,
 *     divided by the crop side (Table 3)
 * @param purity mean concept-part purity ({@link org.concepthash.encode.eval.PartConsistency})
 * @param chancePurity the purity of random points in the object's box
 * @param overlapCosine {@link AttentionOverlap#meanCosine()}
 * @param overlapTopIou {@link AttentionOverlap#meanTopIou()}
 * @param seconds wall time of training (or fitting) the model, not of the evaluation
 * @param threads the PyTorch intra-op threads the run used
 */
record RunResult(
    String configuration,
    String data,
    String method,
    String label,
    int seed,
    Long worldSeed,
    int bits,
    Integer epochs,
    int trainImages,
    int queries,
    int database,
    double classMap,
    Double familyMap,
    double precisionAt1,
    double precisionAt5,
    double precisionAt10,
    Double localisation,
    Double purity,
    Double chancePurity,
    Integer distinctParts,
    Double overlapCosine,
    Double overlapTopIou,
    double seconds,
    int threads) {

  private static final Gson GSON = new GsonBuilder().serializeNulls().create();

  String toJsonLine() {
    return GSON.toJson(this);
  }

  static RunResult parse(String line) {
    return GSON.fromJson(line, RunResult.class);
  }
}
