package org.concepthash.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.model.CentreSource;

/**
 * What {@code reproduce} runs: the configurations, the seeds and the sizes.
 *
 * @param configurations in run order
 * @param seeds seed indices s; on the parts world, s picks a held-out world (generator seed {@link
 *     #worldSeed}) and the training seed
 * @param world the parts world's shape (its seed is replaced per seed index)
 * @param partsEpochs epochs of the parts-tiny schedule
 * @param fashion the Fashion-MNIST subset, empty to skip Fashion-MNIST
 * @param partsRecipe the shipped parts recipe every parts configuration edits
 * @param fashionRecipe the shipped Fashion-MNIST recipe
 * @param figures configuration ids whose first seed draws an attention overlay figure
 */
record ReproPlan(
    List<Configuration> configurations,
    List<Integer> seeds,
    PartsWorldConfig world,
    int partsEpochs,
    Optional<FashionSubset> fashion,
    Path partsRecipe,
    Path fashionRecipe,
    List<String> figures) {

  static final Path PARTS_RECIPE = Path.of("training/recipes/parts-tiny.yaml");
  static final Path FASHION_RECIPE = Path.of("training/recipes/fashion-mnist.yaml");

  /** Held out from the demo's world (seed 42) and the one the recipe was tuned on (seed 7). */
  static final long WORLD_SEED_BASE = 100;

  static final String DEFAULT = "parts-all-losses";
  static final String NO_CSD = "parts-no-csd";

  long worldSeed(int seed) {
    return WORLD_SEED_BASE + seed;
  }

  PartsWorldConfig world(int seed) {
    return new PartsWorldConfig(
        world.classes(), world.perClass(), world.size(), worldSeed(seed), world.trainFraction());
  }

  /**
   * The full run, sized for about an hour on 2 shared cores: the parts-tiny world (12 classes x 40
   * images, 64 px) with a shorter schedule, and a Fashion-MNIST subset.
   */
  static ReproPlan full(int seeds, int partsEpochs, FashionSubset fashion) {
    List<Configuration> c = new ArrayList<>(shallow(DataSource.PARTS, "parts", 32));
    c.addAll(partsConceptHash());
    c.add(
        Configuration.conceptHash(
            "fashion-concepthash",
            DataSource.FASHION_MNIST,
            "ConceptHash (fashion-mnist recipe)",
            RecipeEdit.NONE));
    c.addAll(shallow(DataSource.FASHION_MNIST, "fashion", 32));
    return new ReproPlan(
        c,
        seedIndices(seeds),
        new PartsWorldConfig(12, 40, 64, 0, PartsWorldConfig.DEFAULT_TRAIN_FRACTION),
        partsEpochs,
        Optional.of(fashion),
        PARTS_RECIPE,
        FASHION_RECIPE,
        List.of(DEFAULT, NO_CSD));
  }

  /**
   * The pipeline check: a 6-class world of 12 images per class, 2 epochs, one seed, ConceptHash
   * with and without L_csd and the three shallow baselines. Its numbers mean nothing.
   */
  static ReproPlan quick() {
    List<Configuration> c = new ArrayList<>(shallow(DataSource.PARTS, "parts", 16));
    c.add(Configuration.conceptHash(DEFAULT, DataSource.PARTS, "all losses", RecipeEdit.NONE));
    c.add(
        Configuration.conceptHash(
            NO_CSD, DataSource.PARTS, "without L_csd", RecipeEdit.withoutCsd()));
    return new ReproPlan(
        c,
        seedIndices(1),
        new PartsWorldConfig(6, 12, 64, 0, PartsWorldConfig.DEFAULT_TRAIN_FRACTION),
        2,
        Optional.empty(),
        PARTS_RECIPE,
        FASHION_RECIPE,
        List.of(DEFAULT, NO_CSD));
  }

  private static List<Configuration> partsConceptHash() {
    DataSource p = DataSource.PARTS;
    return List.of(
        Configuration.conceptHash(
            DEFAULT, p, "all losses, language centres, 32 bits", RecipeEdit.NONE),
        Configuration.conceptHash(NO_CSD, p, "without L_csd", RecipeEdit.withoutCsd()),
        Configuration.conceptHash(
            "parts-centres-learnable",
            p,
            "learnable centres",
            RecipeEdit.centres(CentreSource.LEARNABLE)),
        Configuration.conceptHash(
            "parts-centres-random", p, "random centres", RecipeEdit.centres(CentreSource.RANDOM)),
        Configuration.conceptHash("parts-no-quan", p, "without L_quan", RecipeEdit.withoutQuan()),
        Configuration.conceptHash("parts-no-cd", p, "without L_cd", RecipeEdit.withoutCd()),
        Configuration.conceptHash("parts-clf-only", p, "L_clf only", RecipeEdit.losses(1, 0, 0, 0)),
        Configuration.conceptHash("parts-bits-16", p, "16 bits", RecipeEdit.bits(16)),
        Configuration.conceptHash("parts-bits-64", p, "64 bits", RecipeEdit.bits(64)));
  }

  private static List<Configuration> shallow(DataSource data, String prefix, int bits) {
    return List.of(
        Configuration.shallow(
            prefix + "-colour-itq",
            data,
            "colour histogram + PCA-ITQ",
            Method.COLOUR_HISTOGRAM_ITQ,
            bits),
        Configuration.shallow(
            prefix + "-pixel-pca-itq", data, "pixels + PCA-ITQ", Method.PIXEL_PCA_ITQ, bits),
        Configuration.shallow(
            prefix + "-pixel-lda-itq",
            data,
            "pixels + LDA-ITQ (supervised)",
            Method.PIXEL_LDA_ITQ,
            bits));
  }

  private static List<Integer> seedIndices(int seeds) {
    if (seeds < 1) {
      throw new IllegalArgumentException("--seeds must be at least 1, not " + seeds);
    }
    List<Integer> s = new ArrayList<>();
    for (int i = 1; i <= seeds; i++) {
      s.add(i);
    }
    return s;
  }
}
