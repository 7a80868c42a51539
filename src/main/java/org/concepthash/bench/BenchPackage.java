package org.concepthash.bench;

import ai.djl.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concepthash.code.HexCode;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptHashNet;
import org.concepthash.model.ParameterSet;
import org.concepthash.model.ProbeImages;
import org.concepthash.onnx.ConceptHashGraph;
import org.concepthash.onnx.GraphOutputs;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.onnx.ModelPackage;
import org.concepthash.onnx.OnnxGraph;
import org.concepthash.onnx.ParityCheck;

/**
 * A random-weight network in a given geometry, exported to a model package the real {@code Encoder}
 * opens (its probe codes come from the DJL network, so opening it also checks the export).
 */
record BenchPackage(ParameterSet parameters, ModelPackage pkg) implements AutoCloseable {

  static final long PROBE_SEED = 7;
  static final int PROBE_IMAGES = 2;

  static BenchPackage create(ConceptHashConfig config, long seed) {
    ParameterSet parameters = new ParameterSet(Device.cpu(), seed);
    try {
      ConceptHashNet net = new ConceptHashNet(parameters, config);
      RandomWeights.fill(parameters, seed);
      byte[] onnx =
          ConceptHashGraph.build(parameters, config, "concepthash bench", Map.of()).toByteArray();
      int s = config.geometry().imageSize();
      GraphOutputs probe =
          ParityCheck.reference(
              net, parameters, ProbeImages.generate(PROBE_SEED, PROBE_IMAGES, s), PROBE_IMAGES);
      var g = config.geometry();
      List<ModelManifest.PackagedClass> classes = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        long[] code = new long[(config.bits() + 63) / 64];
        code[0] = c == 0 ? 0 : -1L >>> (64 - Math.min(64, config.bits()));
        classes.add(
            new ModelManifest.PackagedClass(
                "class" + c,
                "class " + c,
                "class" + c,
                "class" + c,
                HexCode.format(code, config.bits())));
      }
      List<String> concepts = new ArrayList<>();
      for (int m = 1; m <= config.concepts(); m++) {
        concepts.add("concept " + m);
      }
      ModelManifest manifest =
          new ModelManifest(
              ModelManifest.FORMAT,
              ModelManifest.VERSION,
              "bench-" + seed,
              "1970-01-01T00:00:00Z",
              new ModelManifest.Network(
                  config.bits(),
                  config.concepts(),
                  config.bitsPerConcept(),
                  s,
                  g.patchSize(),
                  g.patchesPerSide(),
                  g.patchCount(),
                  null),
              new ModelManifest.Preprocessing(
                  s,
                  s,
                  new float[] {0.5f, 0.5f, 0.5f},
                  new float[] {0.5f, 0.5f, 0.5f},
                  ModelManifest.RESAMPLE),
              classes,
              concepts,
              null,
              null,
              new ModelManifest.Graph(
                  ModelPackage.GRAPH_ENTRY,
                  ModelPackage.sha256(onnx),
                  onnx.length,
                  OnnxGraph.OPSET,
                  ConceptHashGraph.INPUT,
                  List.of(ConceptHashGraph.CODE, ConceptHashGraph.ATTENTION)),
              new ModelManifest.SelfCheck(PROBE_SEED, PROBE_IMAGES, 0, 0, probe.code()));
      return new BenchPackage(parameters, new ModelPackage(manifest, onnx));
    } catch (RuntimeException e) {
      parameters.close();
      throw e;
    }
  }

  @Override
  public void close() {
    parameters.close();
  }
}
