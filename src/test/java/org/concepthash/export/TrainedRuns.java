package org.concepthash.export;

import ai.djl.Device;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import org.concepthash.data.Dataset;
import org.concepthash.data.PartsWorldReader;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.concepthash.model.MiniLmTextEmbedder;
import org.concepthash.train.CancellationToken;
import org.concepthash.train.RecipeReader;
import org.concepthash.train.RunDirectory;
import org.concepthash.train.Trainer;
import org.concepthash.train.TrainingListener;
import org.concepthash.train.TrainingOutcome;

/**
 * A micro training run on a small parts-world set (keypoints included), for export and evaluation
 * tests.
 */
public record TrainedRuns(Path data, Dataset dataset, Path run, TrainingOutcome outcome) {

  /**
   * Trains 3 epochs of a micro network (32 px, patch 8, width 32, 2 layers; M = 2, K = 8) with
   * language centres from the offline MiniLM model on 3 classes x 8 images into {@code dir}.
   */
  public static TrainedRuns micro(Path dir) throws IOException {
    Path data = dir.resolve("parts");
    PartsWorldWriter.write(new PartsWorldConfig(3, 8, 32, 7, 0.5), data, i -> {});
    Dataset dataset = new PartsWorldReader().read(data);
    String yaml =
        """
        name: micro
        model: {preset: tiny, imageSize: 32, patchSize: 8, width: 32, layers: 2, heads: 2, mlpWidth: 64,
                concepts: 2, bits: 8, adapterBottleneck: 8, generatorWidth: 16, generatorHeads: 2}
        centres: {source: language, binarise: true}
        optimizer: {lr: 0.05, clipNorm: 5}
        schedule: {epochs: 3, warmupEpochs: 1}
        evaluation: {every: 1}
        checkpoints: {keep: 2}
        batchSize: 4
        seed: 3
        """;
    Path run = dir.resolve("run");
    TrainingOutcome outcome =
        new Trainer(
                RecipeReader.parse(new StringReader(yaml), "micro"),
                dataset,
                data,
                new RunDirectory(run),
                Device.cpu(),
                MiniLmTextEmbedder::new)
            .run(false, new CancellationToken(), new TrainingListener() {});
    return new TrainedRuns(data, dataset, run, outcome);
  }
}
