package org.concepthash.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.concepthash.export.RunExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: the selected model of a training run as a model package (ONNX + manifest). */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Exports the selected checkpoint of a finished training run to a model package (zip with"
          + " model.onnx",
      "and model.json). The package is written only if the ONNX graph reproduces the trained"
          + " network on a",
      "seeded probe (max abs difference <= 1e-4, no confident bit flipped) and reads back cleanly."
    })
public final class ExportCommand implements Callable<Integer> {

  @Option(names = "--run", required = true, description = "Training run folder (written by train).")
  Path run;

  @Option(names = "--out", required = true, description = "Model package to write, e.g. model.zip.")
  Path out;

  @Option(
      names = "--threads",
      description = "ONNX Runtime threads for the self-check (default: all processors).")
  Integer threads;

  @Option(
      names = "--concept-names",
      split = ",",
      description = "Names of the M concepts in bit order " + "(default: concept 1 .. concept M).")
  List<String> conceptNames;

  @Override
  public Integer call() throws Exception {
    RunExporter.Options defaults = RunExporter.Options.defaults();
    RunExporter.Result result =
        RunExporter.export(
            run,
            out,
            new RunExporter.Options(
                threads == null ? defaults.threads() : threads,
                conceptNames == null ? List.of() : conceptNames));
    System.out.printf(
        "wrote %s (%d bytes): model %s, %d bits, %d concepts, %d classes%n",
        result.file(),
        Files.size(result.file()),
        result.manifest().id(),
        result.manifest().network().bits(),
        result.manifest().network().concepts(),
        result.manifest().classes().size());
    System.out.println("self-check: " + result.parity());
    return 0;
  }
}
