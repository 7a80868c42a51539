package org.concepthash.train;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.concepthash.model.CentreSource;
import org.concepthash.model.ConceptAttention;
import org.concepthash.model.ConceptHashConfig;
import org.concepthash.model.ConceptTokenMode;
import org.concepthash.model.VitGeometry;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads and writes recipe YAML. Every key is optional except {@code name}; unknown keys are an
 * error.
 *
 * <pre>
 * name: parts-tiny
 * data:         {format: parts-world, validationFraction: 0.1}     # format empty = detect
 * model:
 *   preset: tiny               # vitB32 | tiny: geometry, concepts, bits, adapter, generator defaults
 *   imageSize: 64              # any of imageSize, patchSize, width, layers, heads, mlpWidth overrides
 *   concepts: 4                # M
 *   bits: 32                   # K, multiple of M
 *   conceptTokens: generated   # generated | direct
 *   conceptAttention: tower    # tower (paper) | local: concept tokens read local patch features
 *   adapterBottleneck: 32
 *   generatorWidth: 64
 *   generatorHeads: 4
 *   generatorDropout: 0.1
 *   pretrained: /path/to/clip/model.safetensors   # omit to train the backbone from scratch
 * centres:      {source: language, binarise: true}  # language | learnable | random
 * loss:         {clf: 1, quan: 1, cd: 1, csd: 1, temperature: 0.125, margin: 0.2}
 * optimizer:    {lr: 0.001, momentum: 0.9, weightDecay: 0.0005, clipNorm: 0}
 * schedule:     {epochs: 100, warmupEpochs: 10}
 * augmentation: {flip: true, trivialAugment: true}
 * evaluation:   {every: 10}
 * checkpoints:  {keep: 1}
 * batchSize: 32
 * seed: 42
 * </pre>
 */
public final class RecipeReader {

  private RecipeReader() {}

  public static Recipe read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return parse(reader, file.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses YAML text; {@code source} names it in error messages. */
  public static Recipe parse(Reader reader, String source) {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    if (!(document instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(source + " is not a YAML mapping");
    }
    YamlSection root = new YamlSection("", map);
    String name = root.string("name", null);

    YamlSection data = root.section("data");
    Recipe.Data dataSettings =
        new Recipe.Data(
            Optional.ofNullable(data.string("format", null)),
            data.decimal("validationFraction", 0.1));
    data.finish();

    YamlSection m = root.section("model");
    ConceptHashConfig preset =
        switch (m.string("preset", "vitB32")) {
          case "vitB32" -> ConceptHashConfig.vitB32();
          case "tiny" -> ConceptHashConfig.tiny();
          default ->
              throw new IllegalArgumentException(
                  "model.preset must be vitB32 or tiny, got '" + m.string("preset", "") + "'");
        };
    VitGeometry g = preset.geometry();
    VitGeometry geometry =
        new VitGeometry(
            m.integer("imageSize", g.imageSize()),
            m.integer("patchSize", g.patchSize()),
            m.integer("width", g.width()),
            m.integer("layers", g.layers()),
            m.integer("heads", g.heads()),
            m.integer("mlpWidth", g.mlpWidth()));
    ConceptHashConfig model =
        new ConceptHashConfig(
            geometry,
            m.integer("concepts", preset.concepts()),
            m.integer("bits", preset.bits()),
            m.enumValue("conceptTokens", ConceptTokenMode.class, preset.conceptTokens()),
            m.enumValue("conceptAttention", ConceptAttention.class, preset.conceptAttention()),
            m.integer("adapterBottleneck", preset.adapterBottleneck()),
            m.integer("generatorWidth", preset.generatorWidth()),
            m.integer("generatorHeads", preset.generatorHeads()),
            (float) m.decimal("generatorDropout", preset.generatorDropout()));
    Optional<Path> pretrained = Optional.ofNullable(m.string("pretrained", null)).map(Path::of);
    m.finish();

    YamlSection c = root.section("centres");
    Recipe.Centres centres =
        new Recipe.Centres(
            c.enumValue("source", CentreSource.class, CentreSource.LANGUAGE),
            c.bool("binarise", true));
    c.finish();

    YamlSection l = root.section("loss");
    Recipe.Loss loss =
        new Recipe.Loss(
            l.decimal("clf", 1),
            l.decimal("quan", 1),
            l.decimal("cd", 1),
            l.decimal("csd", 1),
            l.decimal("temperature", 0.125),
            l.decimal("margin", 0.2));
    l.finish();

    YamlSection o = root.section("optimizer");
    Recipe.Optimizer optimizer =
        new Recipe.Optimizer(
            o.decimal("lr", 1e-3),
            o.decimal("momentum", 0.9),
            o.decimal("weightDecay", 5e-4),
            o.decimal("clipNorm", 0));
    o.finish();

    YamlSection s = root.section("schedule");
    Recipe.Schedule schedule =
        new Recipe.Schedule(s.integer("epochs", 100), s.integer("warmupEpochs", 10));
    s.finish();

    YamlSection a = root.section("augmentation");
    Recipe.Augmentation augmentation =
        new Recipe.Augmentation(a.bool("flip", true), a.bool("trivialAugment", true));
    a.finish();

    YamlSection e = root.section("evaluation");
    int every = e.integer("every", 10);
    e.finish();
    YamlSection k = root.section("checkpoints");
    int keep = k.integer("keep", 1);
    k.finish();

    Recipe recipe =
        new Recipe(
            name,
            dataSettings,
            model,
            pretrained,
            centres,
            loss,
            optimizer,
            schedule,
            augmentation,
            root.integer("batchSize", 32),
            every,
            keep,
            root.longValue("seed", 42));
    root.finish();
    return recipe;
  }

  /** The fully resolved recipe as YAML (every key explicit), as stored in a run directory. */
  public static String write(Recipe r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", r.name());
    Map<String, Object> data = new LinkedHashMap<>();
    r.data().format().ifPresent(f -> data.put("format", f));
    data.put("validationFraction", r.data().validationFraction());
    root.put("data", data);
    Map<String, Object> model = new LinkedHashMap<>();
    ConceptHashConfig m = r.model();
    VitGeometry g = m.geometry();
    model.put("imageSize", g.imageSize());
    model.put("patchSize", g.patchSize());
    model.put("width", g.width());
    model.put("layers", g.layers());
    model.put("heads", g.heads());
    model.put("mlpWidth", g.mlpWidth());
    model.put("concepts", m.concepts());
    model.put("bits", m.bits());
    model.put("conceptTokens", m.conceptTokens().name().toLowerCase(java.util.Locale.ROOT));
    model.put("conceptAttention", m.conceptAttention().name().toLowerCase(java.util.Locale.ROOT));
    model.put("adapterBottleneck", m.adapterBottleneck());
    model.put("generatorWidth", m.generatorWidth());
    model.put("generatorHeads", m.generatorHeads());
    model.put("generatorDropout", (double) m.generatorDropout());
    r.pretrained().ifPresent(p -> model.put("pretrained", p.toString()));
    root.put("model", model);
    // insertion order, not Map.of (whose order changes from one JVM to the next): a resumed run
    // compares
    // this text with the recipe.yaml its first process wrote
    Map<String, Object> centres = new LinkedHashMap<>();
    centres.put("source", r.centres().source().name().toLowerCase(java.util.Locale.ROOT));
    centres.put("binarise", r.centres().binarise());
    root.put("centres", centres);
    Map<String, Object> loss = new LinkedHashMap<>();
    loss.put("clf", r.loss().clf());
    loss.put("quan", r.loss().quan());
    loss.put("cd", r.loss().cd());
    loss.put("csd", r.loss().csd());
    loss.put("temperature", r.loss().temperature());
    loss.put("margin", r.loss().margin());
    root.put("loss", loss);
    Map<String, Object> optimizer = new LinkedHashMap<>();
    optimizer.put("lr", r.optimizer().lr());
    optimizer.put("momentum", r.optimizer().momentum());
    optimizer.put("weightDecay", r.optimizer().weightDecay());
    optimizer.put("clipNorm", r.optimizer().clipNorm());
    root.put("optimizer", optimizer);
    Map<String, Object> schedule = new LinkedHashMap<>();
    schedule.put("epochs", r.schedule().epochs());
    schedule.put("warmupEpochs", r.schedule().warmupEpochs());
    root.put("schedule", schedule);
    Map<String, Object> augmentation = new LinkedHashMap<>();
    augmentation.put("flip", r.augmentation().flip());
    augmentation.put("trivialAugment", r.augmentation().trivialAugment());
    root.put("augmentation", augmentation);
    root.put("evaluation", Map.of("every", r.evaluateEvery()));
    root.put("checkpoints", Map.of("keep", r.keepCheckpoints()));
    root.put("batchSize", r.batchSize());
    root.put("seed", r.seed());
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(root);
  }
}
