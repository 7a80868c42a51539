package org.concepthash.export;

import ai.djl.Device;
import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.concepthash.model.ClassCentres;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ModelParameter;
import org.concepthash.model.ParameterSet;
import org.concepthash.model.SafetensorsFile;
import org.concepthash.train.Checkpoint;
import org.concepthash.train.Recipe;
import org.concepthash.train.RecipeReader;
import org.concepthash.train.RunDirectory;
import org.concepthash.train.RunMetadata;
import org.concepthash.train.RunMetrics;
import org.concepthash.train.TrainingSetup;

/**
 * The selected model of a finished training run, rebuilt on the CPU: the network and its class
 * centres with the tensors of the run's selected checkpoint (as {@code metrics.json} names it).
 * Only the tensors the network and the centres define are read; training-only heads and optimiser
 * state are ignored.
 *
 * @param metrics the run's final report
 * @param checkpoint the checkpoint the tensors came from
 */
record TrainedNetwork(
    RunDirectory run,
    Recipe recipe,
    RunMetadata metadata,
    RunMetrics metrics,
    Path checkpoint,
    ParameterSet parameters,
    ConceptHashNet net,
    ClassCentres centres)
    implements AutoCloseable {

  private static final Gson GSON = new Gson();

  static TrainedNetwork load(Path root) throws IOException {
    RunDirectory run = new RunDirectory(root);
    for (String name : new String[] {RunDirectory.RECIPE, RunDirectory.RUN}) {
      if (!Files.isRegularFile(run.file(name))) {
        throw new IOException(root + " is not a training run (no " + name + ")");
      }
    }
    if (!Files.isRegularFile(run.file(RunDirectory.METRICS))) {
      throw new IOException(
          root
              + " has not finished training (no "
              + RunDirectory.METRICS
              + "); resume it with train --resume");
    }
    Recipe recipe = RecipeReader.read(run.file(RunDirectory.RECIPE));
    RunMetadata metadata =
        GSON.fromJson(Files.readString(run.file(RunDirectory.RUN)), RunMetadata.class);
    RunMetrics metrics = RunMetrics.read(run);
    if (metrics.selectedCheckpoint() == null) {
      throw new IOException(run.file(RunDirectory.METRICS) + " names no selected checkpoint");
    }
    Path checkpoint = root.resolve(metrics.selectedCheckpoint());
    SafetensorsFile tensors = SafetensorsFile.open(checkpoint);
    if (!Checkpoint.FORMAT.equals(tensors.metadata().get("format"))
        || !Checkpoint.VERSION.equals(tensors.metadata().get("version"))) {
      throw new IOException(
          checkpoint + " is not a version " + Checkpoint.VERSION + " ConceptHash checkpoint");
    }
    ParameterSet parameters = new ParameterSet(Device.cpu(), recipe.seed());
    try {
      ConceptHashNet net = new ConceptHashNet(parameters, recipe.model());
      ClassCentres centres = centres(recipe, metadata, tensors, parameters);
      for (ModelParameter p : parameters.all()) {
        SafetensorsFile.Entry e = tensors.entries().get(p.name());
        if (e == null) {
          throw new IOException(checkpoint + " has no tensor " + p.name());
        }
        if (!Arrays.equals(e.shape(), p.array().getShape().getShape())) {
          throw new IOException(
              checkpoint
                  + ": tensor "
                  + p.name()
                  + " has shape "
                  + Arrays.toString(e.shape())
                  + ", the recipe's network needs "
                  + p.array().getShape());
        }
        p.load(tensors.floats(p.name()));
      }
      return new TrainedNetwork(
          run, recipe, metadata, metrics, checkpoint, parameters, net, centres);
    } catch (IOException | RuntimeException e) {
      parameters.close();
      throw e;
    }
  }

  /** The centres the recipe trains, created empty (the checkpoint fills them). */
  private static ClassCentres centres(
      Recipe recipe, RunMetadata metadata, SafetensorsFile tensors, ParameterSet parameters)
      throws IOException {
    int classes = metadata.classes().size();
    int bits = recipe.model().bits();
    var scope = parameters.scope(TrainingSetup.CENTRES);
    return switch (recipe.centres().source()) {
      case LANGUAGE -> {
        SafetensorsFile.Entry e = tensors.entries().get(TrainingSetup.CENTRES + ".embeddings");
        if (e == null || e.shape().length != 2 || e.shape()[0] != classes) {
          throw new IOException(
              tensors.path()
                  + " has no "
                  + classes
                  + "-row "
                  + TrainingSetup.CENTRES
                  + ".embeddings tensor for the language centres");
        }
        yield ClassCentres.language(
            scope, new float[classes][(int) e.shape()[1]], bits, recipe.centres().binarise());
      }
      case LEARNABLE -> ClassCentres.learnable(scope, classes, bits);
      case RANDOM -> ClassCentres.random(scope, classes, bits);
    };
  }

  @Override
  public void close() {
    parameters.close();
  }
}
