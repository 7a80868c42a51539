package org.concepthash.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.concepthash.data.ClassInfo;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ImagePreprocessor;
import org.concepthash.model.ImportReport;

/**
 * Provenance of a run, stored as {@code run.json}: what was trained on what, from which weights,
 * with which preprocessing. An exporter copies it into the model package.
 *
 * @param dataFingerprint SHA-256 over format, class names and every item's (key, class, split); a
 *     resumed run must see the same value
 * @param classes class list in label order (label i = classes[i])
 * @param backbone "trained from scratch ..." or the CLIP file the tower was imported from (frozen)
 * @param textEmbedder model behind language-guided centres, null for other centre sources
 * @param preprocessing the evaluation transform (shared with serving)
 */
public record RunMetadata(
    String recipe,
    String dataRoot,
    String dataFormat,
    String dataFingerprint,
    List<ClassInfo> classes,
    Counts images,
    ConceptHashConfig model,
    String backbone,
    ImportReport imported,
    long trainableValues,
    int frozenTensors,
    String textEmbedder,
    String centres,
    Preprocessing preprocessing,
    String augmentation,
    String device,
    String engine,
    long seed,
    String created) {

  /** Images per role (see {@link SplitPlan}). */
  public record Counts(int fit, int validation, int database, int test) {}

  /** The evaluation transform's parameters. */
  public record Preprocessing(
      int resizeShorterSide, int crop, float[] mean, float[] std, String resample) {}

  static RunMetadata of(
      Recipe recipe,
      Dataset dataset,
      Path dataRoot,
      SplitPlan plan,
      TrainingSetup setup,
      ImagePreprocessor preprocessor,
      Device device) {
    Engine engine = Engine.getInstance();
    return new RunMetadata(
        recipe.name(),
        dataRoot.toAbsolutePath().toString(),
        dataset.format(),
        fingerprint(dataset),
        dataset.classes(),
        new Counts(
            plan.fit().size(),
            plan.validation().size(),
            plan.database().size(),
            plan.test().size()),
        recipe.model(),
        setup.backbone(),
        setup.imported().orElse(null),
        setup.parameters().trainableCount(),
        setup.frozen().size(),
        setup.textEmbedder().orElse(null),
        recipe.centres().source().name().toLowerCase(java.util.Locale.ROOT)
            + (recipe.centres().binarise() ? " (binarised embeddings)" : ""),
        new Preprocessing(
            preprocessor.resizeShorterSide(),
            preprocessor.cropSize(),
            preprocessor.mean(),
            preprocessor.std(),
            "bicubic, antialiased"),
        "resize -> "
            + (recipe.augmentation().flip() ? "horizontal flip -> " : "")
            + (recipe.augmentation().trivialAugment() ? "TrivialAugmentWide -> " : "")
            + "centre crop -> normalise",
        device.toString(),
        engine.getEngineName() + " " + engine.getVersion(),
        recipe.seed(),
        Instant.now().toString());
  }

  /** Fails when the run directory was started on other data. */
  void checkSameData(RunDirectory run) throws IOException {
    Path file = run.file(RunDirectory.RUN);
    String stored =
        JsonParser.parseString(Files.readString(file))
            .getAsJsonObject()
            .get("dataFingerprint")
            .getAsString();
    if (!stored.equals(dataFingerprint)) {
      throw new IllegalStateException(
          "the data differs from the data "
              + run.root()
              + " was started with "
              + "(fingerprint "
              + stored
              + " vs "
              + dataFingerprint
              + ")");
    }
  }

  static String fingerprint(Dataset dataset) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, dataset.format());
      for (ClassInfo c : dataset.classes()) {
        update(digest, c.name());
      }
      for (LabelledImage i : dataset.items()) {
        update(digest, i.key() + "\t" + i.classIndex() + "\t" + i.split().lowerName());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }
}
