package org.concepthash.train;

import ai.djl.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ImagePreprocessor;
import org.concepthash.model.ParameterSet;

/**
 * The selected model of a finished run, loaded for inference: the network rebuilt from the run's
 * {@code recipe.yaml} with the tensors of the checkpoint {@code metrics.json} selected
 * (training-only tensors such as centres and the L_cd head are not loaded). What an exporter starts
 * from.
 */
public final class TrainedRun implements AutoCloseable {

  private final Recipe recipe;
  private final ParameterSet parameters;
  private final ConceptHashNet net;
  private final Path checkpoint;

  private TrainedRun(Recipe recipe, ParameterSet parameters, ConceptHashNet net, Path checkpoint) {
    this.recipe = recipe;
    this.parameters = parameters;
    this.net = net;
    this.checkpoint = checkpoint;
  }

  /** Opens a completed run (one with {@code metrics.json}). */
  public static TrainedRun open(Path runDirectory, Device device) throws IOException {
    RunDirectory run = new RunDirectory(runDirectory);
    Path metricsFile = run.file(RunDirectory.METRICS);
    if (!Files.isRegularFile(metricsFile)) {
      throw new IOException(
          runDirectory + " is not a finished run (no " + RunDirectory.METRICS + ")");
    }
    Path checkpoint = runDirectory.resolve(RunMetrics.read(run).selectedCheckpoint());
    Recipe recipe = RecipeReader.read(run.file(RunDirectory.RECIPE));
    ParameterSet parameters = new ParameterSet(device, recipe.seed());
    try {
      ConceptHashNet net = new ConceptHashNet(parameters, recipe.model());
      Checkpoint.load(checkpoint, parameters, null);
      return new TrainedRun(recipe, parameters, net, checkpoint);
    } catch (IOException | RuntimeException e) {
      parameters.close();
      throw e;
    }
  }

  public Recipe recipe() {
    return recipe;
  }

  /** The network's tensors ({@code vision.*}, {@code concepts.*}, {@code hash.*}). */
  public ParameterSet parameters() {
    return parameters;
  }

  public ConceptHashNet net() {
    return net;
  }

  public Path checkpoint() {
    return checkpoint;
  }

  /** The evaluation transform the run was evaluated with. */
  public ImagePreprocessor preprocessor() {
    return ImagePreprocessor.clip(recipe.model().geometry().imageSize());
  }

  @Override
  public void close() {
    parameters.close();
  }
}
