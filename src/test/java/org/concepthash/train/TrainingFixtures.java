package org.concepthash.train;

import ai.djl.Device;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concepthash.data.Dataset;
import org.concepthash.data.PartsWorldReader;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.concepthash.model.MiniLmTextEmbedder;

/** Small parts-world data sets and recipes for trainer tests. */
final class TrainingFixtures {

  private TrainingFixtures() {}

  /**
   * A parts-world set written once per folder: {@code classes} classes, {@code perClass} images, 32
   * px.
   */
  static Dataset partsWorld(Path dir, int classes, int perClass, int size) throws IOException {
    if (!Files.isRegularFile(dir.resolve(PartsWorldReader.MANIFEST))) {
      PartsWorldWriter.write(new PartsWorldConfig(classes, perClass, size, 7, 0.5), dir, i -> {});
    }
    return new PartsWorldReader().read(dir);
  }

  /**
   * A micro recipe: 32 px, patch 8, width 32, 2 layers; M = 2, K = 8; learnable centres; batch 4;
   * {@code extra} is appended YAML (top-level keys not used here, or whole sections replaced).
   */
  static Recipe micro(int epochs, String extra) {
    String yaml =
        """
        name: micro
        model: {preset: tiny, imageSize: 32, patchSize: 8, width: 32, layers: 2, heads: 2, mlpWidth: 64,
                concepts: 2, bits: 8, adapterBottleneck: 8, generatorWidth: 16, generatorHeads: 2}
        optimizer: {lr: 0.05, clipNorm: 5}
        schedule: {epochs: %d, warmupEpochs: 1}
        evaluation: {every: 1}
        checkpoints: {keep: 2}
        batchSize: 4
        seed: 3
        """
                .formatted(epochs)
            + extra;
    if (!extra.contains("centres:")) {
      yaml += "\ncentres: {source: learnable}\n";
    }
    return RecipeReader.parse(new StringReader(yaml), "micro");
  }

  static Trainer trainer(Recipe recipe, Dataset dataset, Path data, Path run) {
    return new Trainer(
        recipe, dataset, data, new RunDirectory(run), Device.cpu(), MiniLmTextEmbedder::new);
  }
}
