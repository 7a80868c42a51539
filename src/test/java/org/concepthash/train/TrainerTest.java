package org.concepthash.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.concepthash.data.Dataset;
import org.concepthash.model.ClipFixtures;
import org.concepthash.model.ClipKeyMap;
import org.concepthash.model.SafetensorsFile;
import org.concepthash.model.VitGeometry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  @TempDir static Path shared;
  static Path data;
  static Dataset dataset;

  @TempDir Path dir;

  @BeforeAll
  static void writeData() throws IOException {
    data = shared.resolve("parts");
    dataset = TrainingFixtures.partsWorld(data, 3, 8, 32); // 12 train (2 held out), 12 test
  }

  @Test
  void aRunWritesRecipeMetadataProgressCheckpointsAndMetrics() throws IOException {
    Path out = dir.resolve("run");
    TrainingOutcome outcome =
        TrainingFixtures.trainer(TrainingFixtures.micro(3, ""), dataset, data, out)
            .run(false, new CancellationToken(), new TrainingListener() {});

    assertTrue(outcome.completed());
    assertEquals(3, outcome.lastEpoch());
    assertTrue(Files.isRegularFile(out.resolve("recipe.yaml")));
    JsonObject run = json(out.resolve("run.json"));
    assertEquals("parts", run.get("dataFormat").getAsString());
    assertEquals(3, run.getAsJsonArray("classes").size());
    assertTrue(run.get("backbone").getAsString().contains("scratch"));
    List<String> progress = Files.readAllLines(out.resolve("progress.jsonl"));
    assertEquals(
        3 * 2 + 3,
        progress.size(),
        "2 steps (9 fit images, batch 4, drop last) + 1 epoch line per epoch");
    JsonObject step = JsonParser.parseString(progress.get(0)).getAsJsonObject();
    for (String key :
        List.of("epoch", "step", "loss", "terms", "lr", "imagesPerSecond", "etaSeconds")) {
      assertTrue(step.has(key), key);
    }
    assertEquals(
        Map.of("clf", 0, "quan", 0, "cd", 0, "csd", 0).keySet(),
        step.getAsJsonObject("terms").keySet());
    // keep: 2 -> the two newest, plus the best if older
    assertTrue(Files.exists(out.resolve("checkpoints/epoch-0003.safetensors")));
    assertTrue(Files.exists(out.resolve("checkpoints/epoch-0002.safetensors")));
    JsonObject metrics = json(out.resolve("metrics.json"));
    assertEquals(outcome.selectedEpoch(), metrics.get("selectedEpoch").getAsInt());
    assertTrue(Files.exists(out.resolve(metrics.get("selectedCheckpoint").getAsString())));
    assertTrue(metrics.has("best") && metrics.has("final") && metrics.has("test"));
    assertEquals(12, metrics.getAsJsonObject("test").get("queries").getAsInt());
    assertEquals(12, metrics.getAsJsonObject("test").get("databaseSize").getAsInt());
  }

  @Test
  void resumingAfterCancellationGivesTheSameModelAsAnUninterruptedRun() throws IOException {
    Recipe recipe = TrainingFixtures.micro(3, "");
    Path straight = dir.resolve("straight");
    TrainingFixtures.trainer(recipe, dataset, data, straight)
        .run(false, new CancellationToken(), new TrainingListener() {});

    Path interrupted = dir.resolve("interrupted");
    CancellationToken cancel = new CancellationToken();
    TrainingOutcome first =
        TrainingFixtures.trainer(recipe, dataset, data, interrupted)
            .run(
                false,
                cancel,
                new TrainingListener() {
                  @Override
                  public void onStep(StepProgress p) {
                    if (p.epoch() == 2 && p.step() == 1) {
                      cancel.cancel(); // mid-epoch: epoch 2 must be repeated from the epoch-1
                      // checkpoint
                    }
                  }
                });
    assertFalse(first.completed());
    assertEquals(1, first.lastEpoch());
    TrainingOutcome resumed =
        TrainingFixtures.trainer(recipe, dataset, data, interrupted)
            .run(true, new CancellationToken(), new TrainingListener() {});
    assertTrue(resumed.completed());

    SafetensorsFile a =
        SafetensorsFile.open(straight.resolve("checkpoints/epoch-0003.safetensors"));
    SafetensorsFile b =
        SafetensorsFile.open(interrupted.resolve("checkpoints/epoch-0003.safetensors"));
    assertEquals(a.names(), b.names());
    for (String name : a.names()) {
      assertArrayEquals(a.floats(name), b.floats(name), name);
    }
    assertEquals(
        json(straight.resolve("metrics.json")).get("test"),
        json(interrupted.resolve("metrics.json")).get("test"));
    assertEquals(losses(straight), losses(interrupted));
  }

  @Test
  void cancellationFromAnotherThreadStopsWithinAStep() throws Exception {
    CancellationToken cancel = new CancellationToken();
    AtomicInteger stepsAfterCancel = new AtomicInteger();
    TrainingOutcome outcome =
        TrainingFixtures.trainer(TrainingFixtures.micro(50, ""), dataset, data, dir.resolve("run"))
            .run(
                false,
                cancel,
                new TrainingListener() {
                  @Override
                  public void onStep(StepProgress p) {
                    if (cancel.isCancelled()) {
                      stepsAfterCancel.incrementAndGet();
                    }
                    if (p.epoch() == 1 && p.step() == 1) {
                      Thread t = new Thread(cancel::cancel);
                      t.start();
                      try {
                        t.join();
                      } catch (InterruptedException e) {
                        throw new AssertionError(e);
                      }
                    }
                  }
                });
    assertFalse(outcome.completed());
    assertEquals(0, outcome.lastEpoch());
    assertEquals(0, stepsAfterCancel.get());
    assertFalse(Files.exists(dir.resolve("run/metrics.json")));
  }

  @Test
  void frozenPretrainedParametersStayBitIdenticalAndEveryTrainableParameterChanges()
      throws IOException {
    VitGeometry g = new VitGeometry(32, 8, 32, 2, 2, 64);
    Map<String, SafetensorsFile.Tensor> clip = ClipFixtures.clipLayout(g);
    Path weights = dir.resolve("clip.safetensors");
    SafetensorsFile.write(weights, clip, Map.of());
    Recipe recipe = TrainingFixtures.micro(1, "");
    recipe =
        new Recipe(
            recipe.name(),
            recipe.data(),
            recipe.model(),
            java.util.Optional.of(weights),
            recipe.centres(),
            recipe.loss(),
            recipe.optimizer(),
            recipe.schedule(),
            recipe.augmentation(),
            recipe.batchSize(),
            recipe.evaluateEvery(),
            recipe.keepCheckpoints(),
            recipe.seed());
    Path out = dir.resolve("run");
    TrainingFixtures.trainer(recipe, dataset, data, out)
        .run(false, new CancellationToken(), new TrainingListener() {});

    SafetensorsFile trained =
        SafetensorsFile.open(out.resolve("checkpoints/epoch-0001.safetensors"));
    SafetensorsFile loaded = SafetensorsFile.open(weights);
    int frozen = 0;
    for (String key : loaded.names()) {
      if (ClipKeyMap.unused(key)) {
        continue;
      }
      assertArrayEquals(
          loaded.floats(key), trained.floats(ClipKeyMap.target(key).orElseThrow()), key);
      frozen++;
    }
    assertEquals(5 + 2 * 16, frozen);
    // everything else that is trainable moved (buffers: BN running stats move too, embeddings do
    // not)
    try (TrainingSetup fresh =
        TrainingSetup.create(recipe, dataset.classes(), ai.djl.Device.cpu(), () -> null)) {
      for (var p : fresh.parameters().trainable()) {
        assertFalse(
            java.util.Arrays.equals(p.values(), trained.floats(p.name())),
            p.name() + " did not change");
      }
      assertTrue(json(out.resolve("run.json")).get("backbone").getAsString().contains("frozen"));
    }
  }

  @Test
  void aNonEmptyRunFolderIsRefusedWithoutResume() throws IOException {
    Path out = dir.resolve("run");
    Files.createDirectories(out);
    Files.writeString(out.resolve("something"), "x");
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                TrainingFixtures.trainer(TrainingFixtures.micro(1, ""), dataset, data, out)
                    .run(false, new CancellationToken(), new TrainingListener() {}));
    assertTrue(e.getMessage().contains("--resume"));
  }

  private static List<String> losses(Path run) throws IOException {
    return Files.readAllLines(run.resolve("progress.jsonl")).stream()
        .map(l -> JsonParser.parseString(l).getAsJsonObject())
        .filter(o -> o.get("type").getAsString().equals("epoch"))
        .map(o -> o.get("epoch") + ":" + o.get("loss") + ":" + o.get("terms"))
        .toList();
  }

  private static JsonObject json(Path file) throws IOException {
    return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
  }
}
