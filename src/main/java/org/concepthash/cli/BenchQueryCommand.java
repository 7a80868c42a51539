package org.concepthash.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.concepthash.bench.QueryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench query}: end-to-end search latency with concurrent clients, vs ranking in PostgreSQL.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Query latency (p50/p99) of search by uploaded image with concurrent clients on a catalog of"
          + " parts-world birds, vs the same queries ranked by PostgreSQL over the stored codes.",
      "Without --data-dir / --database-url it works in a temporary data directory (embedded"
          + " PostgreSQL) that is removed afterwards."
    })
final class BenchQueryCommand implements Callable<Integer> {

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "catalog to use (images are added until it has --images)")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description = "external PostgreSQL (with --data-dir)")
  String databaseUrl;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "PACKAGE",
      description = "model package (.zip) to register and activate")
  Path model;

  @Option(
      names = "--images",
      defaultValue = "10000",
      description = "catalog size (default ${DEFAULT-VALUE})")
  int images;

  @Option(
      names = "--real-images",
      defaultValue = "600",
      description =
          "birds ingested and encoded for real (default ${DEFAULT-VALUE}); the rest up to --images"
              + " are synthetic rows with codes near real ones")
  int realImages;

  @Option(
      names = "--queries",
      defaultValue = "200",
      description = "timed queries per case (default ${DEFAULT-VALUE})")
  int queries;

  @Option(
      names = "--clients",
      defaultValue = "8",
      description = "concurrent clients (default ${DEFAULT-VALUE})")
  int clients;

  @Option(
      names = "--k",
      defaultValue = "10",
      description = "results per query (default ${DEFAULT-VALUE})")
  int k;

  @Option(
      names = "--image-size",
      defaultValue = "64",
      description = "side of the generated birds (default ${DEFAULT-VALUE})")
  int imageSize;

  @Option(names = "--no-sql", description = "measure ours only")
  boolean noSql;

  @Override
  public Integer call() throws Exception {
    Path temp = null;
    CatalogOptions location = new CatalogOptions();
    if (dataDir == null && databaseUrl == null) {
      temp = Files.createTempDirectory("concepthash-bench");
      location.dataDir = temp;
    } else {
      location.dataDir = dataDir;
      location.databaseUrl = databaseUrl;
    }
    try (CatalogApplication app =
        CatalogApplication.start(location, Map.of("concepthash.demo.enabled", false))) {
      QueryBenchmark.Options options =
          new QueryBenchmark.Options(
              images, realImages, queries, clients, k, imageSize, 20261125L, !noSql);
      new QueryBenchmark(app.context(), options, System.err)
          .run(model)
          .forEach(System.out::println);
    } finally {
      if (temp != null) {
        deleteRecursively(temp);
      }
    }
    return 0;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
