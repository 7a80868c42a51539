package org.concepthash.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.concepthash.search.RetrievalReport;

/**
 * The files of one training run:
 *
 * <pre>
 * recipe.yaml                       the fully resolved recipe (every key explicit)
 * run.json                          provenance: data (root, format, fingerprint, classes, counts), network
 *                                   configuration, backbone source, frozen/trainable counts, text embedder,
 *                                   preprocessing, device, seed
 * progress.jsonl                    one JSON object per line: {"type":"step", epoch, step, loss, terms,
 *                                   lr, gradientNorm, imagesPerSecond, etaSeconds} and {"type":"epoch", ...}
 * checkpoints/epoch-NNNN.safetensors  {@link Checkpoint}s; the newest few and the best are kept
 * metrics.json                      written at the end: best and final validation, selected epoch and
 *                                   checkpoint, test retrieval of the selected model
 * </pre>
 */
public final class RunDirectory {

  public static final String RECIPE = "recipe.yaml";
  public static final String RUN = "run.json";
  public static final String PROGRESS = "progress.jsonl";
  public static final String METRICS = "metrics.json";
  public static final String CHECKPOINTS = "checkpoints";
  private static final Pattern CHECKPOINT = Pattern.compile("epoch-(\\d{4,})\\.safetensors");
  static final Gson GSON =
      new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

  private final Path root;

  public RunDirectory(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public Path file(String name) {
    return root.resolve(name);
  }

  public Path checkpoint(int epoch) {
    return root.resolve(CHECKPOINTS).resolve(String.format("epoch-%04d.safetensors", epoch));
  }

  /** Starts a new run: the folder must be missing or empty. */
  void create(String recipeYaml) throws IOException {
    if (Files.isDirectory(root)) {
      try (Stream<Path> entries = Files.list(root)) {
        if (entries.findAny().isPresent()) {
          throw new IllegalStateException(
              root
                  + " is not empty; use --resume to continue the run there, "
                  + "or choose another --out");
        }
      }
    }
    Files.createDirectories(root.resolve(CHECKPOINTS));
    writeText(RECIPE, recipeYaml);
  }

  /** Checks that {@code recipeYaml} is the recipe the run was started with. */
  void checkResumable(String recipeYaml) throws IOException {
    Path stored = file(RECIPE);
    if (!Files.isRegularFile(stored)) {
      throw new IllegalStateException(root + " holds no run to resume (no " + RECIPE + ")");
    }
    if (!Files.readString(stored).equals(recipeYaml)) {
      throw new IllegalStateException(
          "the recipe differs from the one "
              + root
              + " was started with ("
              + stored
              + "); resume with that recipe");
    }
  }

  /** The newest checkpoint's epoch, if any. */
  Optional<Integer> latestEpoch() throws IOException {
    return epochs().stream().max(Integer::compare);
  }

  private List<Integer> epochs() throws IOException {
    List<Integer> result = new ArrayList<>();
    Path dir = root.resolve(CHECKPOINTS);
    if (!Files.isDirectory(dir)) {
      return result;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(
          f -> {
            Matcher m = CHECKPOINT.matcher(f.getFileName().toString());
            if (m.matches()) {
              result.add(Integer.parseInt(m.group(1)));
            }
          });
    }
    return result;
  }

  /** Deletes checkpoints except the newest {@code keep} and {@code bestEpoch}. */
  void prune(int keep, int bestEpoch) throws IOException {
    List<Integer> all = epochs();
    all.sort(Integer::compare);
    for (int i = 0; i < all.size() - keep; i++) {
      if (all.get(i) != bestEpoch) {
        Files.deleteIfExists(checkpoint(all.get(i)));
      }
    }
  }

  /**
   * Drops progress lines of epochs after {@code epoch} (an interrupted epoch is repeated on
   * resume).
   */
  void truncateProgress(int epoch) throws IOException {
    Path file = file(PROGRESS);
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> kept = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      Optional<JsonObject> o = parseLine(line);
      if (o.isPresent() && o.get().get("epoch").getAsInt() <= epoch) {
        kept.add(line);
      }
    }
    writeText(PROGRESS, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
  }

  /**
   * The summaries of the finished epochs up to {@code upTo}, in order, from {@code progress.jsonl}:
   * the history a resumed run continues (a job's own copy misses what finished after its last
   * report). An epoch's line is written before its checkpoint, so every epoch with a checkpoint has
   * one.
   *
   * @param epochs the run's number of epochs (not in the file)
   */
  public List<EpochSummary> finishedEpochs(int upTo, int epochs) throws IOException {
    Path file = file(PROGRESS);
    TreeMap<Integer, EpochSummary> byEpoch = new TreeMap<>();
    if (Files.isRegularFile(file)) {
      for (String line : Files.readAllLines(file)) {
        Optional<JsonObject> parsed = parseLine(line);
        if (parsed.isEmpty()
            || !parsed.get().has("type")
            || !"epoch".equals(parsed.get().get("type").getAsString())) {
          continue;
        }
        JsonObject o = parsed.get();
        int epoch = o.get("epoch").getAsInt();
        if (epoch > upTo) {
          continue;
        }
        Map<String, Float> terms = new TreeMap<>();
        if (o.has("terms") && o.get("terms").isJsonObject()) {
          o.getAsJsonObject("terms")
              .entrySet()
              .forEach(t -> terms.put(t.getKey(), t.getValue().getAsFloat()));
        }
        Optional<RetrievalReport> validation =
            o.has("validation")
                ? Optional.of(GSON.fromJson(o.get("validation"), RetrievalReport.class))
                : Optional.empty();
        // a repeated epoch (resumed before this fix's ordering) keeps its last line
        byEpoch.put(
            epoch,
            new EpochSummary(
                epoch,
                epochs,
                o.get("loss").getAsFloat(),
                terms,
                o.has("lr") ? o.get("lr").getAsDouble() : 0,
                validation,
                o.has("best") && o.get("best").getAsBoolean()));
      }
    }
    return List.copyOf(byEpoch.values());
  }

  /** One progress line; empty for a blank line or one torn by a kill while it was written. */
  private static Optional<JsonObject> parseLine(String line) {
    if (line.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonObject o = JsonParser.parseString(line).getAsJsonObject();
      return o.has("epoch") ? Optional.of(o) : Optional.empty();
    } catch (RuntimeException torn) {
      return Optional.empty();
    }
  }

  BufferedWriter appendProgress() throws IOException {
    return Files.newBufferedWriter(
        file(PROGRESS),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  void writeJson(String name, Object value) throws IOException {
    writeText(name, GSON.toJson(value) + "\n");
  }

  /** Writes through a temporary file and a rename, so readers never see half a file. */
  void writeText(String name, String text) throws IOException {
    Path target = file(name);
    Path temporary = target.resolveSibling(name + ".partial");
    Files.writeString(temporary, text);
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
