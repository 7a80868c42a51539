package org.concepthash.reproduce;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.concepthash.data.Dataset;
import org.concepthash.data.Datasets;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.concepthash.train.CancellationToken;
import org.concepthash.train.Recipe;
import org.concepthash.train.RecipeReader;

/**
 * Runs a {@link ReproPlan}: every configuration on every seed, seed by seed (so a run stopped early
 * still has every configuration on its first seeds), one {@link RunResult} JSON line appended and
 * flushed per finished run. Lines already in the results file are not run again, so a stopped run
 * continues where it stopped.
 */
public final class Reproduction {

  public static final String RESULTS = "results.jsonl";

  private final ReproPlan plan;
  private final Path out;
  private final Path work;
  private final int threads;
  private final Path fashionRoot;
  private final PrintStream log;

  private Reproduction(
      ReproPlan plan, Path out, Path work, int threads, Path fashionRoot, PrintStream log) {
    this.plan = plan;
    this.out = out;
    this.work = work;
    this.threads = threads;
    this.fashionRoot = fashionRoot;
    this.log = log;
  }

  /**
   * @param out results ({@link #RESULTS}) and figures ({@code figures/*.png})
   * @param work worlds, training runs and model packages (large; not part of the report)
   * @param threads PyTorch and ONNX Runtime threads
   * @param fashionRoot the Fashion-MNIST IDX files; a missing folder skips Fashion-MNIST with a
   *     note
   */
  public static Reproduction quick(Path out, Path work, int threads, PrintStream log) {
    return new Reproduction(ReproPlan.quick(), out, work, threads, null, log);
  }

  public static Reproduction full(
      Path out,
      Path work,
      int seeds,
      int partsEpochs,
      int fashionTrainPerClass,
      int fashionTestPerClass,
      int fashionEpochs,
      int threads,
      Path fashionRoot,
      PrintStream log) {
    return new Reproduction(
        ReproPlan.full(
            seeds,
            partsEpochs,
            new FashionSubset(fashionTrainPerClass, fashionTestPerClass, fashionEpochs)),
        out,
        work,
        threads,
        fashionRoot,
        log);
  }

  public Path results() {
    return out.resolve(RESULTS);
  }

  /** The markdown report of the results so far, with links relative to {@code report}. */
  public String render(Path report) throws IOException {
    Path from = report.toAbsolutePath().getParent();
    return ReproductionReport.render(
        ReproductionReport.read(results()),
        plan,
        link(from, results()),
        link(from, out.resolve("figures")),
        RecipeReader.read(plan.partsRecipe()).schedule().epochs());
  }

  private static String link(Path from, Path to) {
    return from.relativize(to.toAbsolutePath()).toString().replace('\\', '/');
  }

  /** Runs what is not in the results file yet; stops between runs when {@code cancel} is set. */
  public void run(CancellationToken cancel) throws IOException {
    Files.createDirectories(out);
    Set<String> done = new HashSet<>();
    for (RunResult r : ReproductionReport.read(results())) {
      done.add(key(r.configuration(), r.seed()));
    }
    Recipe parts = RecipeReader.read(plan.partsRecipe());
    Optional<Dataset> fashion = fashion();
    for (int seed : plan.seeds()) {
      Dataset world = null;
      for (Configuration c : plan.configurations()) {
        if (cancel.isCancelled()) {
          return;
        }
        if (done.contains(key(c.id(), seed))) {
          continue;
        }
        if (c.data() == DataSource.FASHION_MNIST && fashion.isEmpty()) {
          continue;
        }
        Path data =
            c.data() == DataSource.PARTS
                ? work.resolve("worlds/parts-" + plan.worldSeed(seed))
                : fashionRoot;
        Dataset dataset;
        if (c.data() == DataSource.PARTS) {
          world = world != null ? world : world(plan.world(seed), data);
          dataset = world;
        } else {
          dataset = fashion.get();
        }
        Long worldSeed = c.data() == DataSource.PARTS ? plan.worldSeed(seed) : null;
        Path runRoot = work.resolve("runs/" + c.id() + "/seed-" + seed);
        deleteRecursively(runRoot);
        log.printf(Locale.ROOT, "%s seed %d ...%n", c.id(), seed);
        RunResult result;
        try {
          result =
              c.method().trained()
                  ? ConceptHashTrial.run(
                      c,
                      recipe(c, parts, seed),
                      seed,
                      worldSeed,
                      dataset,
                      data,
                      runRoot,
                      threads,
                      seed == plan.seeds().get(0) && plan.figures().contains(c.id())
                          ? Optional.of(out.resolve("figures/" + c.id() + ".png"))
                          : Optional.empty(),
                      cancel)
                  : ShallowTrial.run(c, seed, worldSeed, dataset, runRoot, threads);
        } catch (ConceptHashTrial.CancelledException e) {
          return;
        } catch (IOException | RuntimeException e) {
          // one failed configuration must not cost the others' results; the report lists it as
          // incomplete
          log.printf(Locale.ROOT, "%s seed %d failed: %s%n", c.id(), seed, e);
          continue;
        }
        append(result);
        log.printf(
            Locale.ROOT,
            "%s seed %d: mAP@all %.4f in %.0f s%n",
            c.id(),
            seed,
            result.classMap(),
            result.seconds());
      }
    }
  }

  private Recipe recipe(Configuration c, Recipe parts, int seed) throws IOException {
    if (c.data() == DataSource.PARTS) {
      return RecipeEdit.epochs(plan.partsEpochs())
          .then(c.edit())
          .then(RecipeEdit.seed(seed))
          .apply(parts);
    }
    FashionSubset subset = plan.fashion().orElseThrow();
    return RecipeEdit.epochs(subset.epochs())
        .then(c.edit())
        .then(RecipeEdit.seed(seed))
        .apply(RecipeReader.read(plan.fashionRecipe()));
  }

  private Optional<Dataset> fashion() throws IOException {
    if (plan.fashion().isEmpty()) {
      return Optional.empty();
    }
    if (fashionRoot == null || !Files.isDirectory(fashionRoot)) {
      log.println(
          "Fashion-MNIST not found at "
              + fashionRoot
              + " (apt-get install dataset-fashion-mnist); its rows are skipped");
      return Optional.empty();
    }
    return Optional.of(
        plan.fashion().get().of(Datasets.read(fashionRoot, Optional.of("fashion-mnist"))));
  }

  private static Dataset world(PartsWorldConfig config, Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Path partial = folder.resolveSibling(folder.getFileName() + ".partial");
      deleteRecursively(partial);
      PartsWorldWriter.write(config, partial, n -> {});
      Files.move(partial, folder);
    }
    return Datasets.read(folder, Optional.of("parts"));
  }

  private void append(RunResult result) throws IOException {
    try (BufferedWriter w =
        Files.newBufferedWriter(
            results(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)) {
      w.write(result.toJsonLine());
      w.write('\n');
    }
  }

  private static String key(String configuration, int seed) {
    return configuration + "#" + seed;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
