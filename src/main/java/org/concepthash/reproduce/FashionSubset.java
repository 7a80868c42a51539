package org.concepthash.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.concepthash.data.Dataset;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.Split;

/**
 * The documented share of Fashion-MNIST the reproduction trains on: the first {@code trainPerClass}
 * train images and the first {@code testPerClass} t10k images of each class, in IDX order (the full
 * 60k does not fit the time on 2 cores).
 *
 * @param epochs epochs of the shipped recipe's schedule on this subset
 */
record FashionSubset(int trainPerClass, int testPerClass, int epochs) {

  FashionSubset {
    if (trainPerClass < 1 || testPerClass < 1 || epochs < 1) {
      throw new IllegalArgumentException("subset sizes and epochs must be positive");
    }
  }

  Dataset of(Dataset full) {
    int classes = full.classes().size();
    int[] train = new int[classes];
    int[] test = new int[classes];
    List<LabelledImage> kept = new ArrayList<>();
    for (LabelledImage item : full.items()) {
      int[] count = item.split() == Split.TRAIN ? train : test;
      int limit = item.split() == Split.TRAIN ? trainPerClass : testPerClass;
      if (count[item.classIndex()] < limit) {
        count[item.classIndex()]++;
        kept.add(item);
      }
    }
    return new Dataset(full.format(), full.classes(), kept);
  }
}
