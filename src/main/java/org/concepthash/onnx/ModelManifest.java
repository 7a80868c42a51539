package org.concepthash.onnx;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.concepthash.code.ConceptLayout;
import org.concepthash.code.HexCode;
import org.concepthash.model.ProbeImages;
import org.concepthash.search.RetrievalReport;

/**
 * {@code model.json}, the metadata of a model package (see {@link ModelPackage}). Everything a
 * server needs besides the graph: code geometry, the preprocessing to apply, classes with their
 * binary centres, concept names, and the provenance of the trained model.
 *
 * @param format always {@value #FORMAT}
 * @param version package format version, {@value #VERSION} for this build; a reader refuses newer
 *     ones
 * @param id stable identifier: recipe name and the first 16 hex digits of the graph's SHA-256
 * @param created ISO-8601 instant of the export
 * @param concepts display names of the M concepts, in bit order ("concept 1" .. "concept M" by
 *     default)
 */
public record ModelManifest(
    String format,
    int version,
    String id,
    String created,
    Network network,
    Preprocessing preprocessing,
    List<PackagedClass> classes,
    List<String> concepts,
    Provenance provenance,
    Training training,
    Graph graph,
    SelfCheck selfCheck) {

  public static final String FORMAT = "concepthash-model";
  public static final int VERSION = 1;

  /** The only resampling the shared preprocessor implements. */
  public static final String RESAMPLE = "bicubic, antialiased";

  /**
   * Code and input geometry.
   *
   * @param bits K
   * @param concepts M (see {@link ModelManifest#layout()})
   * @param bitsPerConcept K / M
   * @param imageSize network input side S in pixels
   * @param patchSize patch side p; the attention maps are patchGrid x patchGrid, patchGrid = S / p
   * @param patches patchGrid^2 = P, the last axis of {@code concept_attention}
   * @param architecture the full network configuration, informational (the graph is self-contained)
   */
  public record Network(
      int bits,
      int concepts,
      int bitsPerConcept,
      int imageSize,
      int patchSize,
      int patchGrid,
      int patches,
      JsonObject architecture) {}

  /**
   * The shared evaluation transform: resize the shorter side (antialiased bicubic), centre crop,
   * scale to [0, 1], subtract {@code mean} and divide by {@code std} per channel (R, G, B); CHW
   * float32.
   */
  public record Preprocessing(
      int resizeShorterSide, int crop, float[] mean, float[] std, String resample) {}

  /**
   * One class in label order, with its binary centre sign(o_c) in {@link HexCode} form.
   *
   * @param group a level above the family where the data set has one, else the family
   */
  public record PackagedClass(
      String name, String displayName, String family, String group, String centre) {}

  /**
   * Where the model comes from.
   *
   * @param recipeYaml the fully resolved recipe of the run
   * @param dataFingerprint SHA-256 over the data set's classes and items (see the run's {@code
   *     run.json})
   * @param backbone "trained from scratch ..." or the CLIP import the tower was initialised from
   * @param trainedWith device and engine of the training run
   * @param checkpoint the run-relative checkpoint that was exported
   */
  public record Provenance(
      String recipe,
      String recipeYaml,
      String dataFormat,
      String dataFingerprint,
      String backbone,
      String centres,
      String textEmbedder,
      long seed,
      String trainedWith,
      String run,
      String checkpoint,
      String exporter) {}

  /**
   * The run's own evaluation of the exported checkpoint; {@code validation}/{@code test} may be
   * null.
   */
  public record Training(
      String selection, int selectedEpoch, RetrievalReport validation, RetrievalReport test) {}

  /**
   * The graph entry.
   *
   * @param sha256 hex SHA-256 of the {@code model.onnx} bytes; a mismatch means a corrupted package
   * @param outputs output names in order: {@code code} (B, K), {@code concept_attention} (B, M, P)
   */
  public record Graph(
      String file, String sha256, long bytes, int opset, String input, List<String> outputs) {}

  /**
   * The export's parity check: {@code probeImages} images from {@link ProbeImages} with {@code
   * probeSeed}, run through DJL and the graph.
   *
   * @param probeCodes the DJL network's continuous codes of the probe, (probeImages, K) row-major
   */
  public record SelfCheck(
      long probeSeed,
      int probeImages,
      double maxAbsCode,
      double maxAbsAttention,
      float[] probeCodes) {}

  /** Which bits of the code belong to which concept. */
  public ConceptLayout layout() {
    return new ConceptLayout(network.bits(), network.concepts());
  }

  /** Component names, the exact set of top-level keys of a valid {@code model.json}. */
  static Set<String> keys() {
    Set<String> keys = new HashSet<>();
    for (var c : ModelManifest.class.getRecordComponents()) {
      keys.add(c.getName());
    }
    return keys;
  }

  /**
   * Everything that makes this manifest unusable, as messages naming the field; empty when valid.
   */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    require(p, FORMAT.equals(format), "format must be '" + FORMAT + "', is '" + format + "'");
    require(p, id != null && !id.isBlank(), "id is missing");
    require(p, created != null, "created is missing");
    if (network == null) {
      p.add("network is missing");
    } else {
      Network n = network;
      try {
        layout();
      } catch (IllegalArgumentException e) {
        // the layout's message starts with the field it refuses, bits or concepts
        p.add("network." + e.getMessage());
      }
      require(
          p,
          n.bitsPerConcept() * n.concepts() == n.bits(),
          "network.concepts ("
              + n.concepts()
              + ") and bitsPerConcept ("
              + n.bitsPerConcept()
              + ") do not divide bits ("
              + n.bits()
              + ")");
      require(
          p,
          n.patchSize() >= 1
              && n.imageSize() % n.patchSize() == 0
              && n.patchGrid() == n.imageSize() / n.patchSize()
              && n.patches() == n.patchGrid() * n.patchGrid(),
          "network.imageSize "
              + n.imageSize()
              + ", patchSize "
              + n.patchSize()
              + ", patchGrid "
              + n.patchGrid()
              + " and patches "
              + n.patches()
              + " are inconsistent");
      require(
          p,
          concepts != null && concepts.size() == n.concepts(),
          "concepts must name " + n.concepts() + " concepts");
      checkClasses(p, n.bits());
      if (preprocessing != null) {
        require(
            p,
            preprocessing.crop() == n.imageSize(),
            "preprocessing.crop "
                + preprocessing.crop()
                + " differs from network.imageSize "
                + n.imageSize());
      }
      if (selfCheck != null) {
        require(
            p,
            selfCheck.probeImages() >= 1
                && selfCheck.probeCodes() != null
                && selfCheck.probeCodes().length == selfCheck.probeImages() * n.bits(),
            "selfCheck.probeCodes must hold probeImages x bits values");
      }
    }
    if (preprocessing == null) {
      p.add("preprocessing is missing");
    } else {
      Preprocessing q = preprocessing;
      require(
          p,
          q.crop() >= 1 && q.resizeShorterSide() >= q.crop(),
          "preprocessing needs 1 <= crop <= resizeShorterSide, has "
              + q.crop()
              + " and "
              + q.resizeShorterSide());
      require(
          p,
          q.mean() != null && q.mean().length == 3 && q.std() != null && q.std().length == 3,
          "preprocessing.mean and std need 3 channel values");
      require(
          p,
          RESAMPLE.equals(q.resample()),
          "preprocessing.resample '"
              + q.resample()
              + "' is not supported (only '"
              + RESAMPLE
              + "')");
    }
    require(p, provenance != null, "provenance is missing");
    require(p, training != null, "training is missing");
    require(p, selfCheck != null, "selfCheck is missing");
    if (graph == null) {
      p.add("graph is missing");
    } else {
      require(
          p,
          ModelPackage.GRAPH_ENTRY.equals(graph.file()),
          "graph.file must be " + ModelPackage.GRAPH_ENTRY);
      require(
          p,
          graph.sha256() != null && graph.sha256().matches("[0-9a-f]{64}"),
          "graph.sha256 is not a SHA-256");
      require(
          p,
          graph.opset() == OnnxGraph.OPSET,
          "graph.opset " + graph.opset() + " is not " + OnnxGraph.OPSET);
      require(
          p,
          ConceptHashGraph.INPUT.equals(graph.input())
              && List.of(ConceptHashGraph.CODE, ConceptHashGraph.ATTENTION).equals(graph.outputs()),
          "graph input/outputs must be "
              + ConceptHashGraph.INPUT
              + " -> "
              + ConceptHashGraph.CODE
              + ", "
              + ConceptHashGraph.ATTENTION);
    }
    return p;
  }

  private void checkClasses(List<String> p, int bits) {
    if (classes == null || classes.isEmpty()) {
      p.add("classes is missing or empty");
      return;
    }
    for (int c = 0; c < classes.size(); c++) {
      PackagedClass k = classes.get(c);
      if (k == null || k.name() == null || k.centre() == null) {
        p.add("classes[" + c + "] needs a name and a centre");
        continue;
      }
      try {
        HexCode.parse(k.centre(), bits);
      } catch (IllegalArgumentException e) {
        p.add("classes[" + c + "] (" + k.name() + ") centre: " + e.getMessage());
      }
    }
  }

  private static void require(List<String> problems, boolean ok, String message) {
    if (!ok) {
      problems.add(message);
    }
  }
}
