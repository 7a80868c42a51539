package org.concepthash.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.concepthash.encode.Encoder;
import org.concepthash.encode.EncoderOptions;
import org.concepthash.encode.eval.EvaluationReport;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.encode.eval.RetrievalEvaluation;
import org.concepthash.model.SafetensorsFile;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.onnx.ModelPackage;
import org.concepthash.search.RetrievalReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExportTest {

  @TempDir static Path shared;
  static TrainedRuns trained;
  static Path model;
  static RunExporter.Result exported;

  @TempDir Path dir;

  @BeforeAll
  static void trainAndExport() throws IOException {
    trained = TrainedRuns.micro(shared);
    model = shared.resolve("model.zip");
    exported =
        RunExporter.export(
            trained.run(), model, new RunExporter.Options(1, List.of("head", "tail")));
  }

  @Test
  void anExportedRunEvaluatesToTheTrainersOwnTestScores() throws IOException {
    RetrievalReport trainer = trained.outcome().test().orElseThrow();
    try (Encoder encoder = Encoder.open(model, EncoderOptions.cpu(1))) {
      EvaluationReport eval =
          RetrievalEvaluation.ofModel(encoder, model, trained.dataset(), trained.data(), n -> {});
      assertEquals(trainer.mapAll(), eval.classes().mapAll(), 1e-6);
      assertEquals(trainer.precisionAt1(), eval.classes().precisionAt1(), 1e-6);
      assertEquals(trainer.precisionAt10(), eval.classes().precisionAt10(), 1e-6);
      assertEquals(trainer.queries(), eval.queries());
      assertEquals(trainer.databaseSize(), eval.database());
      assertNotNull(eval.localisation(), "parts-world images carry part keypoints");
      assertEquals(
          List.of("head", "tail"),
          eval.localisation().concepts().stream()
              .map(EvaluationReport.ConceptError::concept)
              .toList());
      for (EvaluationReport.ConceptError e : eval.localisation().concepts()) {
        assertTrue(e.error() >= 0 && e.error() < 1.5, e.toString());
      }
      // part consistency beside it, over the same images; the JSON reads back into the same record
      PartConsistencyReport parts = eval.parts();
      assertNotNull(parts, "parts-world images carry part keypoints");
      assertEquals(eval.localisation().images(), parts.images());
      assertEquals(2, parts.concepts().size());
      for (PartConsistencyReport.ConceptParts c : parts.concepts()) {
        assertEquals(
            parts.images(),
            c.parts().stream().mapToInt(PartConsistencyReport.PartShare::images).sum());
        assertEquals((double) c.parts().get(0).images() / parts.images(), c.purity(), 1e-12);
      }
      assertEquals(
          parts,
          new com.google.gson.Gson().fromJson(eval.toJson(), EvaluationReport.class).parts());
      assertTrue(eval.table().contains("part consistency"), eval.table());
    }
  }

  @Test
  void thePackageRecordsTheRunItCameFrom() throws IOException {
    ModelManifest m = ModelPackage.read(model).manifest();
    assertEquals(exported.manifest().id(), m.id());
    assertTrue(m.id().startsWith("micro-"));
    assertEquals(8, m.network().bits());
    assertEquals(2, m.network().concepts());
    assertEquals(4, m.network().patchGrid());
    assertEquals(3, m.classes().size());
    assertEquals(trained.dataset().classes().get(0).name(), m.classes().get(0).name());
    assertEquals(trained.outcome().test().orElseThrow(), m.training().test());
    assertEquals(trained.outcome().selectedEpoch(), m.training().selectedEpoch());
    String runJson = Files.readString(trained.run().resolve("run.json"));
    assertTrue(runJson.contains(m.provenance().dataFingerprint()));
    assertTrue(m.provenance().recipeYaml().contains("name: micro"));
    assertTrue(exported.parity().passes());
    assertEquals(2 * 8, m.selfCheck().probeCodes().length);
  }

  @Test
  void aRunWithoutMetricsIsNotExported() throws IOException {
    Path run = dir.resolve("unfinished");
    copy(trained.run(), run);
    Files.delete(run.resolve("metrics.json"));
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                RunExporter.export(
                    run, dir.resolve("m.zip"), new RunExporter.Options(1, List.of())));
    assertTrue(e.getMessage().contains("has not finished training"), e.getMessage());
  }

  @Test
  void aNetworkThatComputesNanIsRefusedAndNothingIsWritten() throws IOException {
    Path run = dir.resolve("diverged");
    copy(trained.run(), run);
    String checkpoint = exported.manifest().provenance().checkpoint();
    SafetensorsFile st = SafetensorsFile.open(run.resolve(checkpoint));
    Map<String, SafetensorsFile.Tensor> tensors = new java.util.LinkedHashMap<>();
    for (String name : st.names()) {
      float[] values = st.floats(name);
      if (name.equals("vision.ln_pre.weight")) {
        values[0] = Float.NaN;
      }
      tensors.put(name, new SafetensorsFile.Tensor(st.entries().get(name).shape(), values));
    }
    SafetensorsFile.write(run.resolve(checkpoint), tensors, st.metadata());
    Path out = dir.resolve("nan.zip");
    ExportRefusedException e =
        assertThrows(
            ExportRefusedException.class,
            () -> RunExporter.export(run, out, new RunExporter.Options(1, List.of())));
    assertTrue(e.getMessage().contains("does not reproduce"), e.getMessage());
    try (var files = Files.list(dir)) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("nan.zip")));
    }
  }

  @Test
  void conceptNamesMustMatchTheConceptCount() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                RunExporter.export(
                    trained.run(),
                    dir.resolve("m.zip"),
                    new RunExporter.Options(1, List.of("one"))));
    assertTrue(e.getMessage().contains("1 concept names given, the model has 2"), e.getMessage());
  }

  static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
