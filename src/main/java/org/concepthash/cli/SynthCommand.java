package org.concepthash.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synth}: writes a synthetic "parts world" data set (format {@code parts}). */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic 'parts world' data set: birds made of parts (tail, body, wing, head,"
          + " beak),",
      "families of three species, keypoints and boxes per image. Same options, byte-identical"
          + " files."
    })
final class SynthCommand implements Callable<Integer> {

  @Option(
      names = "--out",
      required = true,
      description = "Output folder (must be missing or empty).")
  Path out;

  @Option(
      names = "--classes",
      defaultValue = "12",
      description = "Number of classes (default ${DEFAULT-VALUE}).")
  int classes;

  @Option(
      names = "--per-class",
      defaultValue = "40",
      description = "Images per class (default ${DEFAULT-VALUE}).")
  int perClass;

  @Option(
      names = "--size",
      defaultValue = "64",
      description = "Image side in pixels (default ${DEFAULT-VALUE}).")
  int size;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--train-fraction",
      defaultValue = "" + PartsWorldConfig.DEFAULT_TRAIN_FRACTION,
      description =
          "Share of each class in the train split (database); the rest is test (queries). Default"
              + " ${DEFAULT-VALUE}.")
  double trainFraction;

  @Override
  public Integer call() throws Exception {
    // invalid values throw IllegalArgumentException: Main reports them as one line
    PartsWorldConfig config = new PartsWorldConfig(classes, perClass, size, seed, trainFraction);
    ProgressBar bar = new ProgressBar("synth", (long) classes * perClass, System.err);
    int written;
    try {
      written = PartsWorldWriter.write(config, out, bar::update);
    } finally {
      bar.finish();
    }
    System.out.printf(
        "wrote %d images of %d classes (%d train / %d test per class) to %s%n",
        written, classes, config.trainPerClass(), perClass - config.trainPerClass(), out);
    return 0;
  }
}
