package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.Split;
import org.concepthash.model.ConceptHashOutput;
import org.concepthash.search.RetrievalReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small but real training on a 6-class parts world (about two minutes on 2 cores): the loss
 * falls, held-out mAP is far above chance, and L_csd makes the concepts look at different places.
 */
class TinyEndToEndIT {

  private static final String RECIPE =
      """
      model: {preset: tiny, imageSize: 32, patchSize: 4, width: 64, layers: 2, heads: 4, mlpWidth: 128,
              concepts: 3, bits: 24, adapterBottleneck: 16, generatorWidth: 32, generatorHeads: 4}
      optimizer: {lr: 0.05, clipNorm: 5}
      schedule: {epochs: 25, warmupEpochs: 3}
      augmentation: {flip: true, trivialAugment: false}
      evaluation: {every: 5}
      batchSize: 12
      """;

  @TempDir static Path dir;
  static Path data;
  static Dataset dataset;
  static Path withCsd;
  static Path withoutCsd;
  static TrainingOutcome outcome;

  @BeforeAll
  static void train() throws IOException {
    data = dir.resolve("parts");
    dataset = TrainingFixtures.partsWorld(data, 6, 24, 32);
    withCsd = dir.resolve("with-csd");
    outcome =
        TrainingFixtures.trainer(parse("loss: {csd: 1}"), dataset, data, withCsd)
            .run(false, new CancellationToken(), new TrainingListener() {});
    withoutCsd = dir.resolve("without-csd");
    TrainingFixtures.trainer(parse("loss: {csd: 0}"), dataset, data, withoutCsd)
        .run(false, new CancellationToken(), new TrainingListener() {});
  }

  @Test
  void lossFalls() throws IOException {
    List<JsonObject> epochs =
        Files.readAllLines(withCsd.resolve("progress.jsonl")).stream()
            .map(l -> JsonParser.parseString(l).getAsJsonObject())
            .filter(o -> o.get("type").getAsString().equals("epoch"))
            .toList();
    double first = epochs.get(0).get("loss").getAsDouble();
    double last = epochs.get(epochs.size() - 1).get("loss").getAsDouble();
    assertTrue(last < 0.7 * first, "loss " + first + " -> " + last);
  }

  @Test
  void heldOutMapIsFarAboveChance() {
    RetrievalReport test = outcome.test().orElseThrow();
    double chance = 1.0 / dataset.classes().size(); // about the mAP of a random ranking
    assertTrue(
        test.mapAll() > 2.5 * chance, "test mAP@all " + test.mapAll() + " vs chance " + chance);
  }

  @Test
  void spatialDiversityLossMakesConceptAttentionMapsLessSimilar() throws IOException {
    double with = meanPairwiseAttentionCosine(withCsd);
    double without = meanPairwiseAttentionCosine(withoutCsd);
    assertTrue(with < without, "attention-map cosine with L_csd " + with + ", without " + without);
  }

  /** Mean over test images and concept pairs of the cosine between concept attention maps. */
  private static double meanPairwiseAttentionCosine(Path run) throws IOException {
    List<LabelledImage> test = dataset.split(Split.TEST);
    try (TrainedRun trained = TrainedRun.open(run, Device.cpu());
        NDManager scope = trained.parameters().manager().newSubManager()) {
      trained.parameters().lendTo(scope);
      int s = trained.preprocessor().cropSize();
      float[] input = new float[test.size() * 3 * s * s];
      for (int i = 0; i < test.size(); i++) {
        float[] chw = trained.preprocessor().apply(test.get(i).image().decode());
        System.arraycopy(chw, 0, input, i * chw.length, chw.length);
      }
      NDArray images = scope.create(input, new Shape(test.size(), 3, s, s));
      ConceptHashOutput out = trained.net().forward(images, false);
      return new ConceptSpatialDiversityLoss().compute(new LossInputs(out, null, null)).getFloat();
    }
  }

  private static Recipe parse(String extra) {
    return RecipeReader.parse(
        new java.io.StringReader(
            "name: tiny-e2e\ncentres: {source: learnable}\n" + RECIPE + extra + "\n"),
        "tiny-e2e");
  }
}
