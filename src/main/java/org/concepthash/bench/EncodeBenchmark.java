package org.concepthash.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.model.ConceptAttention;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptTokenMode;
import org.concepthash.model.ProbeImages;
import org.concepthash.model.VitGeometry;
import org.concepthash.onnx.GraphOutputs;
import org.concepthash.onnx.ParityCheck;
import org.concepthash.onnx.ParityReport;

/**
 * {@code bench encode}: images/s and GFLOP/s of the ONNX Runtime {@link Encoder} against PyTorch
 * eager (the peer script, same random weights, same input, same thread count) and against this
 * machine's matrix-multiply peak measured in the same run. Per geometry: ours at every batch size,
 * then the peer at every batch size; the peer's codes on the same probe images are compared with
 * ours first, to show both compute the same function.
 */
public final class EncodeBenchmark {

  static final Gson JSON = new GsonBuilder().serializeNulls().create();

  /**
   * @param geometries presets ("tiny", "vitB32"; "micro" for tests)
   * @param batches images per call
   * @param threads intra-op threads of both peers
   * @param repeats timed calls per case for the tiny geometry; ViT-B/32 uses a quarter (at least 3)
   * @param python the peer's interpreter; null = ours only
   * @param gemmSize side of the square matrices of the GEMM peak
   */
  public record Options(
      List<String> geometries,
      List<Integer> batches,
      int threads,
      int repeats,
      String python,
      int gemmSize) {

    public static Options full(String python, int threads) {
      return new Options(List.of("tiny", "vitB32"), List.of(1, 32), threads, 40, python, 2048);
    }

    public static Options quick(String python, int threads) {
      return new Options(List.of("tiny", "vitB32"), List.of(1, 32), threads, 12, python, 2048);
    }
  }

  /** The peer's agreement with ours on the probe images of one geometry. */
  public record Parity(String geometry, ParityReport report) {
    /**
     * Same function: no confident bit flipped and codes within 1e-3 (float32 sums in another
     * order).
     */
    public boolean agrees() {
      return report.flippedBits() == 0
          && report.maxAbsCode() < 1e-3
          && report.maxAbsAttention() < 1e-4;
    }

    public Map<String, Object> fields() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("case", geometry + "/parity");
      f.put("images", report.images());
      f.put("max_abs_code", report.maxAbsCode());
      f.put("max_abs_attention", report.maxAbsAttention());
      f.put("confident_bits", report.confidentBits());
      f.put("flipped_bits", report.flippedBits());
      f.put("agree", agrees());
      return f;
    }
  }

  private final Options options;
  private final PrintStream progress;

  public EncodeBenchmark(Options options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs every case; {@code out} receives one JSON object per line (parity, GEMM peak, cases). */
  public void run(Consumer<String> out) throws Exception {
    Path work = Files.createTempDirectory("concepthash-bench-encode");
    try {
      TorchPeer peer = TorchPeer.forRun(options.python(), work);
      progress.printf(
          "load average %.2f; GEMM peak (%d x %d, %d threads)%n",
          Timing.loadAverage(), options.gemmSize(), options.gemmSize(), options.threads());
      GemmPeak ort = GemmPeak.measure(options.gemmSize(), options.threads(), 5);
      double peak = ort.gflops();
      double cpuPeak = ort.cpuGflops();
      Map<String, Object> gemm = new LinkedHashMap<>();
      gemm.put("case", "gemm_peak");
      gemm.put("n", options.gemmSize());
      gemm.put("threads", options.threads());
      gemm.put("ort_gflops", EncodeCase.round(ort.gflops(), 2));
      gemm.put("ort_cpu_gflops", EncodeCase.round(ort.cpuGflops(), 2));
      if (peer != null) {
        JsonObject t =
            TorchPeer.find(
                peer.run(
                    Map.of(
                        "mode",
                        "gemm",
                        "threads",
                        options.threads(),
                        "n",
                        options.gemmSize(),
                        "repeats",
                        5)),
                "gemm");
        gemm.put("torch_gflops", EncodeCase.round(t.get("gflops").getAsDouble(), 2));
        gemm.put("torch_cpu_gflops", EncodeCase.round(t.get("cpu_gflops").getAsDouble(), 2));
        gemm.put("torch_version", t.get("torch").getAsString());
        gemm.put("torch_blas", t.get("blas").getAsString());
        peak = Math.max(peak, t.get("gflops").getAsDouble());
        cpuPeak = Math.max(cpuPeak, t.get("cpu_gflops").getAsDouble());
      }
      gemm.put("peak_gflops", EncodeCase.round(peak, 2));
      gemm.put("peak_cpu_gflops", EncodeCase.round(cpuPeak, 2));
      gemm.put("load_average", Timing.loadAverage());
      gemm.put("glibc_tunables", TorchPeer.mallocSettings());
      out.accept(JSON.toJson(gemm));
      for (String geometry : options.geometries()) {
        runGeometry(geometry, peer, work, peak, cpuPeak, out);
      }
    } finally {
      try (var files = Files.list(work)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(work);
    }
  }

  private void runGeometry(
      String geometry, TorchPeer peer, Path work, double peak, double cpuPeak, Consumer<String> out)
      throws Exception {
    ConceptHashConfig config = config(geometry);
    int s = config.geometry().imageSize();
    int maxBatch = options.batches().stream().mapToInt(Integer::intValue).max().orElse(1);
    int repeats = geometry.equals("tiny") ? options.repeats() : Math.max(3, options.repeats() / 4);
    float[] images = ProbeImages.generate(11, Math.max(maxBatch, BenchPackage.PROBE_IMAGES), s);
    progress.printf("%s: building a random-weight network and its ONNX graph%n", geometry);
    Map<Integer, Timing> ours = new LinkedHashMap<>();
    Map<Integer, Timing> torch = new LinkedHashMap<>();
    try (BenchPackage bench = BenchPackage.create(config, 5);
        Encoder encoder =
            Encoder.open(
                bench.pkg(),
                Path.of("bench-" + geometry + ".zip"),
                EncoderOptions.cpu(options.threads()))) {
      GraphOutputs probe =
          encoder.run(
              GraphOutputs.directBuffer(
                  java.util.Arrays.copyOf(images, BenchPackage.PROBE_IMAGES * 3 * s * s)),
              BenchPackage.PROBE_IMAGES);
      for (int batch : options.batches()) {
        FloatBuffer input =
            GraphOutputs.directBuffer(java.util.Arrays.copyOf(images, batch * 3 * s * s));
        encoder.run(input, batch);
        encoder.run(input, batch);
        Timing t = Timing.measure(repeats, () -> encoder.run(input, batch));
        progress.printf(
            "ours %s/batch%d: %.2f ms per call (load %.2f)%n",
            geometry, batch, t.ms(), Timing.loadAverage());
        ours.put(batch, t);
      }
      if (peer != null) {
        Path imageFile = work.resolve("images.bin");
        Files.write(imageFile, TensorExport.littleEndian(images));
        Path tensors = TensorExport.write(bench.parameters(), work);
        List<Map<String, Object>> cases = new ArrayList<>();
        for (int batch : options.batches()) {
          cases.add(
              Map.of("case", geometry + "/batch" + batch, "batch", batch, "repeats", repeats));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("mode", "encode");
        spec.put("threads", options.threads());
        spec.put("config", config);
        spec.put("tensors", tensors.toString());
        spec.put("images", imageFile.toString());
        spec.put("parity", BenchPackage.PROBE_IMAGES);
        spec.put("cases", cases);
        List<JsonObject> results = peer.run(spec);
        JsonObject p = TorchPeer.find(results, "parity");
        Parity parity =
            new Parity(
                geometry,
                ParityCheck.compare(
                    probe,
                    new GraphOutputs(
                        BenchPackage.PROBE_IMAGES,
                        TorchPeer.floats(p, "code"),
                        TorchPeer.floats(p, "attention"))));
        out.accept(JSON.toJson(parity.fields()));
        for (int batch : options.batches()) {
          torch.put(batch, TorchPeer.timing(TorchPeer.find(results, geometry + "/batch" + batch)));
        }
      }
    }
    for (int batch : options.batches()) {
      EncodeCase c =
          new EncodeCase(
              geometry,
              batch,
              options.threads(),
              FlopCount.exportedForward(config),
              ours.get(batch),
              torch.get(batch),
              peak,
              cpuPeak);
      Map<String, Object> fields = c.fields();
      fields.put("load_average", Timing.loadAverage());
      out.accept(JSON.toJson(fields));
    }
  }

  static ConceptHashConfig config(String geometry) {
    return switch (geometry) {
      case "tiny" -> ConceptHashConfig.tiny();
      case "vitB32" -> ConceptHashConfig.vitB32();
      // a very small tower for tests of the benchmark itself
      case "micro" ->
          new ConceptHashConfig(
              new VitGeometry(32, 8, 32, 2, 2, 64),
              2,
              8,
              ConceptTokenMode.GENERATED,
              ConceptAttention.TOWER,
              8,
              16,
              2,
              0.1f);
      default ->
          throw new IllegalArgumentException(
              "unknown geometry '" + geometry + "' (tiny, vitB32, micro)");
    };
  }
}
