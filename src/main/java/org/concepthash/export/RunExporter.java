package org.concepthash.export;

import ai.djl.ndarray.NDManager;
import ai.onnxruntime.OrtException;
import com.google.gson.Gson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.HexCode;
import org.concepthash.data.ClassInfo;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ProbeImages;
import org.concepthash.onnx.ConceptHashGraph;
import org.concepthash.onnx.GraphOutputs;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.onnx.ModelPackage;
import org.concepthash.onnx.OnnxGraph;
import org.concepthash.onnx.ParityCheck;
import org.concepthash.onnx.ParityReport;
import org.concepthash.train.RunMetadata;
import org.concepthash.train.RunMetrics;

/**
 * Exports the selected model of a training run as a {@link ModelPackage}. The package is written
 * only when its own checks pass: the graph reproduces the DJL network on a seeded probe within
 * {@link ParityReport#TOLERANCE} with no confident bit flipped, and the written file reads back
 * through the strict reader.
 */
public final class RunExporter {

  /** Recorded as the ONNX producer version and in the provenance. */
  public static final String EXPORTER = "concepthash export 1";

  /** Seed and size of the probe every package records. */
  static final long PROBE_SEED = 20_240_601L;

  static final int PROBE_IMAGES = 2;
  private static final Gson GSON = new Gson();

  /**
   * @param threads intra-op threads of the ONNX Runtime session that runs the self-check
   * @param conceptNames display names of the concepts, empty for "concept 1" .. "concept M"
   */
  public record Options(int threads, List<String> conceptNames) {
    public Options {
      conceptNames = List.copyOf(conceptNames);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, not " + threads);
      }
    }

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), List.of());
    }
  }

  /** What an export produced. */
  public record Result(Path file, ModelManifest manifest, ParityReport parity) {}

  private RunExporter() {}

  /**
   * Exports the run in {@code runDirectory} to {@code out} (replaced atomically if it exists).
   *
   * @throws ExportRefusedException when the package fails its self-check; nothing is written
   * @throws IOException when the run cannot be read
   */
  public static Result export(Path runDirectory, Path out, Options options) throws IOException {
    try (TrainedNetwork trained = TrainedNetwork.load(runDirectory)) {
      ConceptHashConfig config = trained.recipe().model();
      List<String> conceptNames = conceptNames(options.conceptNames(), config.concepts());
      byte[] onnx =
          ConceptHashGraph.build(trained.parameters(), config, EXPORTER, onnxMetadata(trained))
              .toByteArray();
      int s = config.geometry().imageSize();
      float[] probe = ProbeImages.generate(PROBE_SEED, PROBE_IMAGES, s);
      GraphOutputs reference =
          ParityCheck.reference(trained.net(), trained.parameters(), probe, PROBE_IMAGES);
      ParityReport parity;
      try {
        parity =
            ParityCheck.compare(
                reference, ParityCheck.exported(onnx, probe, PROBE_IMAGES, s, options.threads()));
      } catch (OrtException e) {
        throw new ExportRefusedException(
            "ONNX Runtime cannot run the exported graph: " + e.getMessage(), e);
      }
      if (!parity.passes()) {
        throw new ExportRefusedException(
            "the exported graph does not reproduce the trained network ("
                + parity
                + "); no package written");
      }
      ModelManifest manifest =
          new ModelManifest(
              ModelManifest.FORMAT,
              ModelManifest.VERSION,
              trained.recipe().name() + "-" + ModelPackage.sha256(onnx).substring(0, 16),
              Instant.now().toString(),
              network(config),
              preprocessing(trained.metadata()),
              classes(trained),
              conceptNames,
              provenance(trained),
              training(trained),
              new ModelManifest.Graph(
                  ModelPackage.GRAPH_ENTRY,
                  ModelPackage.sha256(onnx),
                  onnx.length,
                  OnnxGraph.OPSET,
                  ConceptHashGraph.INPUT,
                  List.of(ConceptHashGraph.CODE, ConceptHashGraph.ATTENTION)),
              new ModelManifest.SelfCheck(
                  PROBE_SEED,
                  PROBE_IMAGES,
                  parity.maxAbsCode(),
                  parity.maxAbsAttention(),
                  reference.code()));
      writeChecked(new ModelPackage(manifest, onnx), out);
      return new Result(out, manifest, parity);
    }
  }

  /**
   * Writes beside the target, reads it back strictly, then renames: a package that fails is never
   * left.
   */
  private static void writeChecked(ModelPackage pkg, Path out) throws IOException {
    Path target = out.toAbsolutePath();
    Path candidate = target.resolveSibling(target.getFileName() + ".candidate");
    try {
      pkg.write(candidate);
      ModelPackage.read(candidate);
      Files.move(
          candidate, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (org.concepthash.onnx.ModelPackageException e) {
      throw new ExportRefusedException(
          "the written package does not read back: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(candidate);
    }
  }

  private static List<String> conceptNames(List<String> given, int concepts) {
    if (given.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (int m = 1; m <= concepts; m++) {
        names.add("concept " + m);
      }
      return names;
    }
    if (given.size() != concepts) {
      throw new IllegalArgumentException(
          given.size() + " concept names given, the model has " + concepts + " concepts");
    }
    return given;
  }

  private static ModelManifest.Network network(ConceptHashConfig config) {
    var g = config.geometry();
    return new ModelManifest.Network(
        config.bits(),
        config.concepts(),
        config.bitsPerConcept(),
        g.imageSize(),
        g.patchSize(),
        g.patchesPerSide(),
        g.patchCount(),
        GSON.toJsonTree(config).getAsJsonObject());
  }

  private static ModelManifest.Preprocessing preprocessing(RunMetadata metadata) {
    RunMetadata.Preprocessing p = metadata.preprocessing();
    return new ModelManifest.Preprocessing(
        p.resizeShorterSide(), p.crop(), p.mean(), p.std(), p.resample());
  }

  /** Classes in label order with sign(o_c) of the trained centres. */
  private static List<ModelManifest.PackagedClass> classes(TrainedNetwork trained) {
    int bits = trained.recipe().model().bits();
    float[] centres;
    try (NDManager scope = trained.parameters().manager().newSubManager()) {
      trained.parameters().lendTo(scope);
      centres = trained.centres().centres().toFloatArray(); // (C, K)
    }
    List<ClassInfo> infos = trained.metadata().classes();
    BinaryCodes binary = BinaryCodes.fromContinuous(centres, infos.size(), bits);
    List<ModelManifest.PackagedClass> classes = new ArrayList<>();
    for (int c = 0; c < infos.size(); c++) {
      ClassInfo info = infos.get(c);
      classes.add(
          new ModelManifest.PackagedClass(
              info.name(),
              info.displayName(),
              info.family(),
              info.group() == null ? info.family() : info.group(),
              HexCode.format(binary.code(c), bits)));
    }
    return classes;
  }

  private static ModelManifest.Provenance provenance(TrainedNetwork trained) throws IOException {
    RunMetadata m = trained.metadata();
    return new ModelManifest.Provenance(
        m.recipe(),
        Files.readString(trained.run().file(org.concepthash.train.RunDirectory.RECIPE)),
        m.dataFormat(),
        m.dataFingerprint(),
        m.backbone(),
        m.centres(),
        m.textEmbedder(),
        m.seed(),
        m.device() + ", " + m.engine(),
        trained.run().root().toAbsolutePath().toString(),
        trained.metrics().selectedCheckpoint(),
        EXPORTER);
  }

  private static ModelManifest.Training training(TrainedNetwork trained) {
    RunMetrics r = trained.metrics();
    return new ModelManifest.Training(
        r.selection(), r.selectedEpoch(), r.best() == null ? null : r.best().report(), r.test());
  }

  /** Provenance inside model.onnx itself, so the bare graph still says where it comes from. */
  private static Map<String, String> onnxMetadata(TrainedNetwork trained) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("concepthash.recipe", trained.metadata().recipe());
    m.put("concepthash.data_fingerprint", trained.metadata().dataFingerprint());
    m.put("concepthash.backbone", trained.metadata().backbone());
    m.put("concepthash.checkpoint", trained.metrics().selectedCheckpoint());
    m.put(
        "concepthash.outputs",
        ConceptHashGraph.CODE
            + " (B, K) continuous code; "
            + ConceptHashGraph.ATTENTION
            + " (B, M, P) head-averaged last-layer concept attention over patches");
    return m;
  }
}
