package org.concepthash.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.Split;

/**
 * Which images play which role in a run. The validation images are carved from the train split (a
 * seeded share of every class, at least one image when the class has two or more) and used only for
 * model selection; the test split is never looked at before the selected model is final.
 *
 * @param fit images the network is trained on (train split minus validation)
 * @param validation held-out train images: queries for model selection, with {@code fit} as
 *     database
 * @param database the whole train split: the database of the final test evaluation
 * @param test the test split: queries of the final evaluation
 */
public record SplitPlan(
    List<LabelledImage> fit,
    List<LabelledImage> validation,
    List<LabelledImage> database,
    List<LabelledImage> test) {

  public SplitPlan {
    fit = List.copyOf(fit);
    validation = List.copyOf(validation);
    database = List.copyOf(database);
    test = List.copyOf(test);
  }

  /** Carves {@code fraction} of each class's train images, chosen with {@code seed}. */
  public static SplitPlan carve(Dataset dataset, double fraction, long seed) {
    List<LabelledImage> train = dataset.split(Split.TRAIN);
    if (train.isEmpty()) {
      throw new IllegalArgumentException("the data set has no train images");
    }
    Map<Integer, List<LabelledImage>> byClass = new LinkedHashMap<>();
    for (LabelledImage image : train) {
      byClass.computeIfAbsent(image.classIndex(), k -> new ArrayList<>()).add(image);
    }
    Random random = new Random(seed);
    java.util.Set<String> held = new java.util.HashSet<>();
    for (List<LabelledImage> images : byClass.values()) {
      int n =
          fraction <= 0 || images.size() < 2
              ? 0
              : Math.max(1, (int) Math.round(images.size() * fraction));
      List<LabelledImage> shuffled = new ArrayList<>(images);
      Collections.shuffle(shuffled, random);
      shuffled.subList(0, Math.min(n, images.size() - 1)).forEach(i -> held.add(i.key()));
    }
    List<LabelledImage> fit = new ArrayList<>();
    List<LabelledImage> validation = new ArrayList<>();
    for (LabelledImage image : train) {
      (held.contains(image.key()) ? validation : fit).add(image);
    }
    return new SplitPlan(fit, validation, train, dataset.split(Split.TEST));
  }
}
