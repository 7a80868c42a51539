package org.concepthash.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code models}: the catalog's model versions from the command line. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Lists model versions or registers a model package trained elsewhere.",
    subcommands = {ModelsCommand.Add.class, ModelsCommand.ListVersions.class})
final class ModelsCommand {

  /** {@code models add PACKAGE [--activate]}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Registers a model package (train + export on a GPU host), encodes the whole catalog with"
            + " it and,",
        "with --activate, makes it the active version. Re-running after an interruption continues"
            + " encoding."
      })
  static final class Add implements Callable<Integer> {

    @Mixin CatalogOptions catalog;

    @Option(
        names = "--activate",
        description = "Make the new version the active one (search switches at once).")
    boolean activate;

    @Option(
        names = "--actor",
        defaultValue = "cli",
        description = "Who is recorded as having added it (default ${DEFAULT-VALUE}).")
    String actor;

    @Parameters(
        index = "0",
        paramLabel = "PACKAGE",
        description = "Model package (.zip) written by export.")
    Path packageFile;

    @Override
    public Integer call() throws Exception {
      try (CatalogApplication app =
          CatalogApplication.start(catalog, Map.of("concepthash.jobs.worker.enabled", false))) {
        ModelRegistry registry = app.context().getBean(ModelRegistry.class);
        ProgressBar[] bar = new ProgressBar[1];
        ModelVersion v =
            registry.register(
                packageFile,
                actor,
                (done, total) -> {
                  if (bar[0] == null) {
                    bar[0] = new ProgressBar("encode", total, System.err);
                  }
                  bar[0].update(done);
                },
                () -> false);
        if (bar[0] != null) {
          bar[0].finish();
        }
        if (activate) {
          v = registry.activate(v.id(), actor);
        }
        System.out.printf(
            "%s: %d bits, %d concepts (%s), %d images encoded%s%n",
            v.id(),
            v.bits(),
            v.concepts(),
            String.join(", ", v.conceptNames()),
            v.encodedImages(),
            v.active() ? ", active" : "");
        System.out.println(
            v.partConsistency()
                .map(
                    p ->
                        String.format(
                            java.util.Locale.ROOT,
                            "part consistency over %d annotated test images: mean purity %.2f"
                                + " (random points %.2f), %d distinct dominant part%s",
                            p.images(),
                            p.meanPurity(),
                            p.chance().purity(),
                            p.distinctDominantParts(),
                            p.distinctDominantParts() == 1 ? "" : "s"))
                .orElse(
                    "part consistency: not measured (no test images with part keypoints in the"
                        + " catalog)"));
      }
      return 0;
    }
  }

  /** {@code models list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the model versions, newest first.")
  static final class ListVersions implements Callable<Integer> {

    @Mixin CatalogOptions catalog;

    @Override
    public Integer call() throws Exception {
      try (CatalogApplication app =
          CatalogApplication.start(catalog, Map.of("concepthash.jobs.worker.enabled", false))) {
        for (ModelVersion v : app.context().getBean(ModelRegistry.class).list()) {
          System.out.printf(
              "%s%s  %d bits  %d concepts  %d images  %s%n",
              v.active() ? "* " : "  ",
              v.id(),
              v.bits(),
              v.concepts(),
              v.encodedImages(),
              v.createdAt());
        }
      }
      return 0;
    }
  }
}
