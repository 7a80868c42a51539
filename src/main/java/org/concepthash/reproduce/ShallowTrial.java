package org.concepthash.reproduce;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.HexCode;
import org.concepthash.data.ClassInfo;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.Split;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.encode.eval.RetrievalEvaluation;
import org.concepthash.reproduce.shallow.ImageFeatures;
import org.concepthash.reproduce.shallow.ShallowHasher;

/**
 * One shallow-baseline row on one seed: features of every image, the hasher fitted on the database
 * (train split), codes scored by {@code eval --codes} (the file is kept as {@code codes.tsv}), so
 * the baselines and ConceptHash share one metric implementation.
 */
final class ShallowTrial {

  private ShallowTrial() {}

  static RunResult run(
      Configuration configuration,
      int seed,
      Long worldSeed,
      Dataset dataset,
      Path runRoot,
      int threads)
      throws IOException {
    List<LabelledImage> database = dataset.split(Split.TRAIN);
    List<LabelledImage> queries = dataset.split(Split.TEST);
    ImageFeatures features =
        configuration.method() == Method.COLOUR_HISTOGRAM_ITQ
            ? ImageFeatures.COLOUR_HISTOGRAM
            : ImageFeatures.PIXELS;
    long started = System.nanoTime();
    double[][] train = features(database, features);
    int[] labels = database.stream().mapToInt(LabelledImage::classIndex).toArray();
    ShallowHasher hasher =
        configuration.method() == Method.PIXEL_LDA_ITQ
            ? ShallowHasher.ldaItq(
                train, labels, dataset.classes().size(), configuration.bits(), seed)
            : ShallowHasher.pcaItq(train, configuration.bits(), seed);
    BinaryCodes databaseCodes = hasher.encode(train);
    double seconds = (System.nanoTime() - started) / 1e9;
    BinaryCodes queryCodes = hasher.encode(features(queries, features));
    Files.createDirectories(runRoot);
    Path table = runRoot.resolve("codes.tsv");
    try (BufferedWriter w = Files.newBufferedWriter(table, StandardCharsets.UTF_8)) {
      w.write("split\tlabel\tfamily\tcode\n");
      write(w, "query", queries, queryCodes, dataset.classes());
      write(w, "database", database, databaseCodes, dataset.classes());
    }
    EvaluationReport report = RetrievalEvaluation.ofCodes(table, configuration.bits());
    return new RunResult(
        configuration.id(),
        configuration.data().name(),
        configuration.method().name(),
        configuration.label(),
        seed,
        worldSeed,
        configuration.bits(),
        null,
        database.size(),
        report.queries(),
        report.database(),
        report.classes().mapAll(),
        report.families() == null ? null : report.families().mapAll(),
        report.classes().precisionAt1(),
        report.classes().precisionAt5(),
        report.classes().precisionAt10(),
        null,
        null,
        null,
        null,
        null,
        null,
        seconds,
        threads);
  }

  private static double[][] features(List<LabelledImage> items, ImageFeatures features) {
    return items.stream().map(i -> features.of(i.image().decode())).toArray(double[][]::new);
  }

  private static void write(
      BufferedWriter w,
      String split,
      List<LabelledImage> items,
      BinaryCodes codes,
      List<ClassInfo> classes)
      throws IOException {
    for (int i = 0; i < items.size(); i++) {
      ClassInfo c = classes.get(items.get(i).classIndex());
      w.write(
          split
              + "\t"
              + c.name()
              + "\t"
              + (c.family() == null ? "" : c.family())
              + "\t"
              + HexCode.format(codes.code(i), codes.bits())
              + "\n");
    }
  }
}
