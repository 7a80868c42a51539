package org.concepthash.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concepthash.data.Dataset;
import org.concepthash.data.Datasets;
import org.concepthash.data.Split;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.encode.eval.RetrievalEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eval}: retrieval quality of a model package on a data set, or of externally computed
 * codes.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a model package on a data set (queries = test split, database = train split):"
          + " mAP@all,",
      "P@1/5/10 by class and by family, and with part keypoints the localisation error and the"
          + " part",
      "consistency (dominant part, purity, chance reference) per concept.",
      "Or scores codes computed elsewhere: --codes FILE, a TSV with header"
          + " 'split<TAB>label<TAB>family<TAB>code'",
      "(split query|database, code hex with the code's first bit most significant).",
      "JSON on stdout, a table on stderr."
    })
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--model", description = "Model package (from export).")
  Path model;

  @Option(names = "--data", description = "Data set folder.")
  Path data;

  @Option(names = "--format", description = "Data set format (default: detected from the layout).")
  String format;

  @Option(names = "--codes", description = "TSV of external codes instead of --model/--data.")
  Path codes;

  @Option(names = "--bits", description = "Code length of --codes when not 4 x the hex digits.")
  Integer bits;

  @Option(names = "--threads", description = "ONNX Runtime CPU threads (default: all processors).")
  Integer threads;

  @Option(
      names = "--batch",
      defaultValue = "32",
      description = "Images per ONNX Runtime call (default ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--cpu", description = "Do not try CUDA.")
  boolean cpu;

  @Override
  public Integer call() throws Exception {
    EvaluationReport report;
    if (codes != null) {
      if (model != null || data != null) {
        throw new IllegalArgumentException("give either --codes or --model with --data, not both");
      }
      report = RetrievalEvaluation.ofCodes(codes, bits);
    } else {
      if (model == null || data == null) {
        throw new IllegalArgumentException("give --model and --data (or --codes)");
      }
      Dataset dataset = Datasets.read(data, Optional.ofNullable(format));
      EncoderOptions options =
          new EncoderOptions(
              !cpu, threads == null ? Runtime.getRuntime().availableProcessors() : threads, batch);
      try (Encoder encoder = Encoder.open(model, options)) {
        System.err.println("encoding on " + encoder.device());
        ProgressBar bar =
            new ProgressBar(
                "eval",
                dataset.split(Split.TEST).size() + dataset.split(Split.TRAIN).size(),
                System.err);
        report = RetrievalEvaluation.ofModel(encoder, model, dataset, data, bar::update);
        bar.finish();
      }
    }
    System.err.print(report.table());
    System.out.println(report.toJson());
    return 0;
  }
}
