package org.concepthash.bench;

import ai.djl.Device;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.concepthash.data.ClassInfo;
import org.concepthash.model.ProbeImages;
import org.concepthash.train.Recipe;
import org.concepthash.train.RecipeReader;
import org.concepthash.train.SgdOptimizer;
import org.concepthash.train.TrainingSetup;
import org.concepthash.train.TrainingStep;

/**
 * {@code bench train}: training images/s of our DJL trainer ({@link TrainingStep}: forward in
 * training mode, every loss term, backward, SGD with momentum and weight decay) against the PyTorch
 * eager peer running the same step on the same initial weights, batches and thread count. The
 * network and losses are the reference recipe's (generated concept tokens, language centres from
 * fixed 384-d embeddings, all four loss terms), trained from scratch so that every tower tensor
 * gets a gradient. Per geometry the two alternate step by step (ours, the peer's, ours, ...), so
 * both see the same machine load; both report the first step's losses and gradient norm, which must
 * agree (exactly up to float rounding when the generator's dropout is off, see {@link
 * Options#deterministic}).
 */
public final class TrainBenchmark {

  static final Gson JSON = new GsonBuilder().serializeNulls().create();

  /**
   * @param geometries "tiny", "vitB32" or "micro" (a very small tower for tests)
   * @param batch images per step
   * @param threads intra-op threads of both peers (ours: set by the command before DJL starts)
   * @param warmup untimed steps first
   * @param steps timed steps (ViT-B/32 uses a third, at least 2)
   * @param classes classes of the synthetic labels
   * @param python the peer's interpreter; null = ours only
   * @param deterministic switch the concept-token generator's dropout off (the only random part of
   *     a step), so both peers' first steps must give the same numbers
   */
  public record Options(
      List<String> geometries,
      int batch,
      int threads,
      int warmup,
      int steps,
      int classes,
      String python,
      boolean deterministic) {

    public static Options full(String python, int threads) {
      return new Options(List.of("tiny", "vitB32"), 32, threads, 3, 15, 200, python, false);
    }

    public static Options quick(String python, int threads) {
      return new Options(List.of("tiny", "vitB32"), 32, threads, 1, 6, 200, python, false);
    }
  }

  private final Options options;
  private final PrintStream progress;

  public TrainBenchmark(Options options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs every geometry; {@code out} receives one JSON object per line. */
  public List<TrainCase> run(Consumer<String> out) throws Exception {
    Path work = Files.createTempDirectory("concepthash-bench-train");
    List<TrainCase> cases = new ArrayList<>();
    try {
      TorchPeer peer = TorchPeer.forRun(options.python(), work);
      for (String geometry : options.geometries()) {
        TrainCase c = runGeometry(geometry, peer, work);
        Map<String, Object> fields = c.fields();
        fields.put("load_average", Timing.loadAverage());
        fields.put("glibc_tunables", TorchPeer.mallocSettings());
        out.accept(JSON.toJson(fields));
        cases.add(c);
      }
    } finally {
      try (var files = Files.list(work)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(work);
    }
    return cases;
  }

  private TrainCase runGeometry(String geometry, TorchPeer peer, Path work) throws Exception {
    Recipe recipe = recipe(geometry, options.batch(), options.deterministic());
    int s = recipe.model().geometry().imageSize();
    int batch = options.batch();
    int steps = geometry.equals("vitB32") ? Math.max(2, options.steps() / 3) : options.steps();
    int warmup = geometry.equals("vitB32") ? Math.min(options.warmup(), 1) : options.warmup();
    int batches = 2;
    float[] images = ProbeImages.generate(13, batches * batch, s);
    int[] labels = new int[batches * batch];
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = random.nextInt(options.classes());
    }
    List<ClassInfo> classes = new ArrayList<>();
    for (int c = 0; c < options.classes(); c++) {
      classes.add(new ClassInfo("class_" + c, "class " + c, "class_" + c));
    }
    Map<String, Double> oursFirst = new LinkedHashMap<>();
    Map<String, Double> torchFirst = peer == null ? null : new LinkedHashMap<>();
    double[] oursLosses = new double[warmup + steps];
    double[] torchLosses = peer == null ? null : new double[warmup + steps];
    double[][] oursTimes = new double[2][steps];
    double[][] torchTimes = new double[2][steps];
    progress.printf(
        "%s: setting up the network (batch %d, %d threads)%n", geometry, batch, options.threads());
    try (TrainingSetup setup =
            TrainingSetup.create(
                recipe, classes, Device.cpu(), () -> new RandomTextEmbedder(recipe.seed()));
        TorchPeer.Session session =
            peer == null ? null : startPeer(peer, work, setup, recipe, geometry, images, labels)) {
      Recipe.Optimizer o = recipe.optimizer();
      SgdOptimizer optimizer =
          new SgdOptimizer(
              setup.parameters().manager(),
              setup.parameters().trainable(),
              o.momentum(),
              o.weightDecay(),
              o.clipNorm());
      TrainingStep step = new TrainingStep(setup, optimizer, options.classes());
      int pixels = 3 * s * s;
      // alternate: our step i, then the peer's step i, so both see the same machine load
      for (int i = 0; i < warmup + steps; i++) {
        int from = (i % batches) * batch;
        float[] input =
            java.util.Arrays.copyOfRange(images, from * pixels, (from + batch) * pixels);
        int[] y = java.util.Arrays.copyOfRange(labels, from, from + batch);
        int index = i;
        long c0 = Timing.processCpuNanos();
        long t0 = System.nanoTime();
        TrainingStep.Result r = step.run(input, y, o.lr(), () -> "bench step " + (index + 1));
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (Timing.processCpuNanos() - c0) / 1e6;
        oursLosses[i] = r.total();
        if (i == 0) {
          r.terms().forEach((k, v) -> oursFirst.put(k, (double) v));
          oursFirst.put("total", (double) r.total());
          oursFirst.put("norm", r.norm());
        }
        if (i >= warmup) {
          oursTimes[0][i - warmup] = ms;
          oursTimes[1][i - warmup] = cpuMs;
        }
        progress.printf(
            "ours %s step %d: %.1f ms, loss %.4f (load %.2f)%n",
            geometry, i + 1, ms, r.total(), Timing.loadAverage());
        if (session != null) {
          JsonObject answer = session.send("step");
          JsonObject values = answer.getAsJsonObject("values");
          torchLosses[i] = values.get("total").getAsDouble();
          if (i == 0) {
            values.entrySet().forEach(e -> torchFirst.put(e.getKey(), e.getValue().getAsDouble()));
          }
          if (i >= warmup) {
            torchTimes[0][i - warmup] = answer.get("ms").getAsDouble();
            torchTimes[1][i - warmup] = answer.get("cpu_ms").getAsDouble();
          }
        }
      }
    }
    Timing ours = Timing.of(oursTimes[0], oursTimes[1]);
    Timing torch = peer == null ? null : Timing.of(torchTimes[0], torchTimes[1]);
    return new TrainCase(
        geometry,
        batch,
        options.threads(),
        ours,
        torch,
        oursFirst,
        torchFirst,
        oursLosses,
        torchLosses);
  }

  /**
   * Exports the initial weights and the batches, starts the peer and waits until it has loaded
   * them.
   */
  private TorchPeer.Session startPeer(
      TorchPeer peer,
      Path work,
      TrainingSetup setup,
      Recipe recipe,
      String geometry,
      float[] images,
      int[] labels)
      throws IOException {
    Path tensors = TensorExport.write(setup.parameters(), work);
    Path imageFile = work.resolve("images.bin");
    Path labelFile = work.resolve("labels.bin");
    Files.write(imageFile, TensorExport.littleEndian(images));
    Files.write(labelFile, TensorExport.littleEndian(labels));
    Recipe.Loss l = recipe.loss();
    Recipe.Optimizer o = recipe.optimizer();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("mode", "train");
    spec.put("case", geometry + "/batch" + options.batch());
    spec.put("threads", options.threads());
    spec.put("config", recipe.model());
    spec.put("tensors", tensors.toString());
    spec.put("images", imageFile.toString());
    spec.put("labels", labelFile.toString());
    spec.put("classes", options.classes());
    spec.put(
        "loss",
        Map.of(
            "clf",
            l.clf(),
            "quan",
            l.quan(),
            "cd",
            l.cd(),
            "csd",
            l.csd(),
            "temperature",
            l.temperature(),
            "margin",
            l.margin()));
    spec.put(
        "optimizer",
        Map.of(
            "lr",
            o.lr(),
            "momentum",
            o.momentum(),
            "weightDecay",
            o.weightDecay(),
            "clipNorm",
            o.clipNorm()));
    spec.put("batch", options.batch());
    TorchPeer.Session session = peer.start(spec);
    try {
      JsonObject ready = session.next();
      if (!"ready".equals(ready.get("case").getAsString())) {
        throw new IOException("unexpected first answer of the PyTorch peer: " + ready);
      }
      return session;
    } catch (IOException | RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** The reference recipe (all defaults) in the given geometry, trained from scratch. */
  static Recipe recipe(String geometry, int batch, boolean deterministic) {
    String model =
        switch (geometry) {
          case "tiny" -> "  preset: tiny\n";
          case "vitB32" -> "  preset: vitB32\n";
          case "micro" ->
              "  preset: tiny\n"
                  + "  imageSize: 32\n"
                  + "  patchSize: 8\n"
                  + "  width: 32\n"
                  + "  layers: 2\n"
                  + "  heads: 2\n"
                  + "  mlpWidth: 64\n"
                  + "  concepts: 2\n"
                  + "  bits: 8\n"
                  + "  adapterBottleneck: 8\n"
                  + "  generatorWidth: 16\n"
                  + "  generatorHeads: 2\n";
          default ->
              throw new IllegalArgumentException(
                  "unknown geometry '" + geometry + "' (tiny, vitB32, micro)");
        };
    String yaml =
        "name: bench-train-"
            + geometry
            + "\nmodel:\n"
            + model
            + (deterministic ? "  generatorDropout: 0\n" : "")
            + "centres:\n  source: language\n  binarise: true\nbatchSize: "
            + batch
            + "\nseed: 42\n";
    return RecipeReader.parse(new StringReader(yaml), "bench train recipe");
  }
}
