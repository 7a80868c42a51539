package org.concepthash.encode.eval;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.concepthash.code.BinaryCodes;
import org.concepthash.data.ClassInfo;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.Split;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.Encoding;
import org.concepthash.model.CropWindow;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.search.RetrievalMetrics;
import org.concepthash.search.RetrievalReport;

/**
 * {@code eval}: scores a model package on a data set, or externally computed codes, with the
 * project's one metric implementation ({@link RetrievalMetrics}), with the concepts' localisation
 * error and part consistency ({@link PartConsistency}) over the query images that have part
 * keypoints. Queries are the test split, the database is the train split, as in the trainer's final
 * evaluation, so a package scores what its run reported.
 */
public final class RetrievalEvaluation {

  /** Images decoded and encoded per step (bounds the memory held by decoded images). */
  private static final int CHUNK = 64;

  private RetrievalEvaluation() {}

  /**
   * Encodes both splits of {@code dataset} with {@code encoder} and scores them.
   *
   * @param progress receives the number of images encoded so far
   */
  public static EvaluationReport ofModel(
      Encoder encoder, Path packageFile, Dataset dataset, Path dataRoot, IntConsumer progress)
      throws IOException {
    List<LabelledImage> queries = dataset.split(Split.TEST);
    List<LabelledImage> database = dataset.split(Split.TRAIN);
    if (queries.isEmpty() || database.isEmpty()) {
      throw new IllegalArgumentException(
          "evaluation needs a test split (queries) and a train split (database); "
              + dataRoot
              + " has "
              + queries.size()
              + " test and "
              + database.size()
              + " train images");
    }
    ModelManifest manifest = encoder.manifest();
    if (manifest.classes().size() != dataset.classes().size()) {
      throw new IllegalArgumentException(
          "the model knows "
              + manifest.classes().size()
              + " classes, the data set has "
              + dataset.classes().size()
              + "; evaluate on the data the model was trained for");
    }
    long started = System.nanoTime();
    Localisation localisation = new Localisation(manifest.network().concepts());
    PartConsistency parts = new PartConsistency(manifest.network().concepts());
    int[] done = {0};
    IntConsumer counted = n -> progress.accept(done[0] += n);
    BinaryCodes queryCodes = encode(encoder, queries, localisation, parts, counted);
    BinaryCodes databaseCodes = encode(encoder, database, null, null, counted);
    double seconds = (System.nanoTime() - started) / 1e9;

    RetrievalReport classes =
        RetrievalMetrics.evaluate(queryCodes, labels(queries), databaseCodes, labels(database));
    Map<String, Integer> familyIndex = new LinkedHashMap<>();
    int[] familyOfClass = new int[dataset.classes().size()];
    boolean hasFamilies = true;
    for (int c = 0; c < familyOfClass.length; c++) {
      ClassInfo info = dataset.classes().get(c);
      hasFamilies &= info.family() != null && !info.family().isBlank();
      familyOfClass[c] =
          hasFamilies ? familyIndex.computeIfAbsent(info.family(), f -> familyIndex.size()) : -1;
    }
    // a family level equal to the class level adds nothing; report it only when it groups classes
    boolean groups = hasFamilies && familyIndex.size() < familyOfClass.length;
    RetrievalReport families =
        groups
            ? RetrievalMetrics.evaluate(
                queryCodes,
                map(labels(queries), familyOfClass),
                databaseCodes,
                map(labels(database), familyOfClass))
            : null;
    return new EvaluationReport(
        packageFile.toString(),
        manifest.id(),
        dataRoot.toString(),
        manifest.network().bits(),
        queries.size(),
        database.size(),
        classes,
        families,
        groups ? familyIndex.size() : 0,
        localisation(localisation, manifest.concepts()),
        parts.report().orElse(null),
        (queries.size() + database.size()) / seconds);
  }

  /** Scores the codes of a {@link CodeTable} file. */
  public static EvaluationReport ofCodes(Path file, Integer bits) throws IOException {
    CodeTable t = CodeTable.read(file, bits);
    RetrievalReport classes =
        RetrievalMetrics.evaluate(t.queries(), t.queryLabels(), t.database(), t.databaseLabels());
    RetrievalReport families =
        t.queryFamilies() == null
            ? null
            : RetrievalMetrics.evaluate(
                t.queries(), t.queryFamilies(), t.database(), t.databaseFamilies());
    return new EvaluationReport(
        file.toString(),
        null,
        null,
        t.queries().bits(),
        t.queries().count(),
        t.database().count(),
        classes,
        families,
        t.familyCount(),
        null,
        null,
        null);
  }

  private static BinaryCodes encode(
      Encoder encoder,
      List<LabelledImage> items,
      Localisation localisation,
      PartConsistency parts,
      IntConsumer progress)
      throws IOException {
    int bits = encoder.manifest().network().bits();
    int perCode = BinaryCodes.wordsPerCode(bits);
    long[] words = new long[items.size() * perCode];
    for (int start = 0; start < items.size(); start += CHUNK) {
      List<LabelledImage> chunk = items.subList(start, Math.min(items.size(), start + CHUNK));
      List<BufferedImage> images;
      try {
        images = chunk.parallelStream().map(item -> item.image().decode()).toList();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      List<Encoding> encodings = encoder.encode(images);
      for (int i = 0; i < chunk.size(); i++) {
        System.arraycopy(encodings.get(i).words(), 0, words, (start + i) * perCode, perCode);
        if (localisation != null) {
          BufferedImage image = images.get(i);
          CropWindow window =
              CropWindow.of(encoder.preprocessor(), image.getWidth(), image.getHeight());
          LabelledImage item = chunk.get(i);
          localisation.add(encodings.get(i), window, item.keypoints());
          parts.add(
              encodings.get(i).attention(),
              encodings.get(i).grid(),
              window,
              item.box(),
              item.keypoints());
        }
      }
      progress.accept(chunk.size());
    }
    return new BinaryCodes(bits, words);
  }

  private static EvaluationReport.LocalisationReport localisation(
      Localisation l, List<String> conceptNames) {
    double[] errors = l.errors();
    if (errors.length == 0) {
      return null;
    }
    List<EvaluationReport.ConceptError> concepts = new ArrayList<>();
    double sum = 0;
    for (int m = 0; m < errors.length; m++) {
      concepts.add(new EvaluationReport.ConceptError(conceptNames.get(m), errors[m]));
      sum += errors[m];
    }
    return new EvaluationReport.LocalisationReport(
        "distance from the attention peak to the nearest part keypoint / crop side",
        l.images(),
        concepts,
        sum / errors.length);
  }

  private static int[] labels(List<LabelledImage> items) {
    return items.stream().mapToInt(LabelledImage::classIndex).toArray();
  }

  private static int[] map(int[] labels, int[] mapping) {
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = mapping[labels[i]];
    }
    return out;
  }
}
