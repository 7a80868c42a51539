package org.concepthash.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concepthash.catalog.importer.DatasetImporter;
import org.concepthash.catalog.importer.ImportSummary;
import org.concepthash.data.Dataset;
import org.concepthash.data.Datasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import}: puts a data set into the catalog through the validated ingest. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a data set into the catalog: classes with families, labels, splits, boxes and"
          + " keypoints.",
      "Idempotent (identical images are recognised) and resumable (re-run after an interruption)."
    })
final class ImportCommand implements Callable<Integer> {

  /** Refusal reasons printed in full; the rest is counted. */
  private static final int SHOWN_REFUSALS = 20;

  @Mixin CatalogOptions catalog;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "cub200, nabirds, aircraft, cars, imagefolder, list, fashion-mnist or parts (default:"
              + " detected from the layout).")
  String format;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Import only the first N images (in data set order).")
  Integer limit;

  @Option(
      names = "--actor",
      defaultValue = "import",
      description = "Who is recorded as having added the images (default ${DEFAULT-VALUE}).")
  String actor;

  @Parameters(index = "0", paramLabel = "PATH", description = "Root folder of the data set.")
  Path path;

  @Override
  public Integer call() throws Exception {
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("--limit must be >= 0");
    }
    // read and validate all annotations before touching the catalog: a malformed set imports
    // nothing
    Dataset dataset = Datasets.read(path, Optional.ofNullable(format));
    int count = limit == null ? dataset.items().size() : Math.min(limit, dataset.items().size());
    System.out.printf(
        "%s: %d classes, importing %d of %d images%n",
        dataset.format(), dataset.classes().size(), count, dataset.items().size());
    ImportSummary summary;
    try (CatalogApplication app = CatalogApplication.start(catalog, Map.of())) {
      DatasetImporter importer = app.context().getBean(DatasetImporter.class);
      ProgressBar bar = new ProgressBar("import", count, System.err);
      try {
        summary = importer.importDataset(dataset, path, count, actor, bar::update);
      } finally {
        bar.finish();
      }
    }
    System.out.printf(
        "imported %d, duplicates %d, already imported by an earlier run %d, refused %d%n",
        summary.imported(), summary.duplicates(), summary.resumed(), summary.refused().size());
    summary.refused().stream()
        .limit(SHOWN_REFUSALS)
        .forEach(r -> System.out.printf("  refused %s: %s%n", r.key(), r.reason()));
    if (summary.refused().size() > SHOWN_REFUSALS) {
      System.out.printf("  ... and %d more%n", summary.refused().size() - SHOWN_REFUSALS);
    }
    return summary.refused().isEmpty() ? 0 : 1;
  }
}
