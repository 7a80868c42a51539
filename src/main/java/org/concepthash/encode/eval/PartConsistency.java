package org.concepthash.encode.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;
import org.concepthash.model.CropWindow;

/**
 * Concept-part consistency (issue 14): does a concept look at the same part in every image? Per
 * image with part keypoints, each concept's attention peak ({@link AttentionPeak}, the patch centre
 * mapped to original-image pixels through the {@link CropWindow}) is assigned to the part of the
 * nearest keypoint. Per concept this gives a distribution over parts; its most frequent part is the
 * dominant part and that part's share is the concept's purity.
 *
 * <p>The chance reference is computed the same way for {@value #CHANCE_DRAWS} "random concepts"
 * that each put one uniformly random point per image inside the object box (the whole image without
 * a box), clipped to the part of the image the network sees (the crop), since a peak can only lie
 * there. The generator is seeded with {@value #CHANCE_SEED} and draws in the order images are
 * added, so the same images in the same order give the same reference.
 *
 * <p>One implementation for {@code eval}, the training job's evaluation and registration in the
 * catalog.
 */
public final class PartConsistency {

  /** Seed of the random points of the chance reference. */
  public static final long CHANCE_SEED = 14L;

  /** Random concepts averaged for the chance reference. */
  public static final int CHANCE_DRAWS = 32;

  private final List<Map<String, Integer>> concepts = new ArrayList<>();
  private final List<Map<String, Integer>> chance = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(CHANCE_SEED);
  private int images;

  public PartConsistency(int concepts) {
    if (concepts < 1) {
      throw new IllegalArgumentException("at least one concept, not " + concepts);
    }
    for (int m = 0; m < concepts; m++) {
      this.concepts.add(new LinkedHashMap<>());
    }
    for (int d = 0; d < CHANCE_DRAWS; d++) {
      chance.add(new LinkedHashMap<>());
    }
  }

  /**
   * Adds one image; an image without keypoints is skipped.
   *
   * @param attention per concept its G x G map, row-major
   * @param window where the network's input crop lies in the image
   * @param box the object box in image pixels, empty when the image has none
   * @param keypoints the image's part keypoints in image pixels
   */
  public void add(
      float[][] attention,
      int grid,
      CropWindow window,
      Optional<BoundingBox> box,
      List<Keypoint> keypoints) {
    if (keypoints.isEmpty()) {
      return;
    }
    if (attention.length != concepts.size()) {
      throw new IllegalArgumentException(
          attention.length + " attention maps for " + concepts.size() + " concepts");
    }
    for (int m = 0; m < attention.length; m++) {
      AttentionPeak peak = AttentionPeak.of(attention[m], grid);
      count(concepts.get(m), nearestPart(keypoints, peak.imageX(window), peak.imageY(window)));
    }
    double[] region = chanceRegion(window, box);
    for (Map<String, Integer> draw : chance) {
      double x = region[0] + random.nextDouble() * (region[2] - region[0]);
      double y = region[1] + random.nextDouble() * (region[3] - region[1]);
      count(draw, nearestPart(keypoints, x, y));
    }
    images++;
  }

  /** Images added so far (with keypoints). */
  public int images() {
    return images;
  }

  /** The measurement so far; empty before any image with keypoints. */
  public Optional<PartConsistencyReport> report() {
    if (images == 0) {
      return Optional.empty();
    }
    List<PartConsistencyReport.ConceptParts> out = new ArrayList<>();
    Set<String> dominant = new HashSet<>();
    double purities = 0;
    for (int m = 0; m < concepts.size(); m++) {
      List<PartConsistencyReport.PartShare> parts = shares(concepts.get(m));
      PartConsistencyReport.PartShare top = parts.get(0);
      double purity = (double) top.images() / images;
      out.add(new PartConsistencyReport.ConceptParts(m, top.part(), purity, images, parts));
      dominant.add(top.part());
      purities += purity;
    }
    double chancePurity = 0;
    for (Map<String, Integer> draw : chance) {
      chancePurity += (double) shares(draw).get(0).images() / images;
    }
    return Optional.of(
        new PartConsistencyReport(
            images,
            out,
            purities / concepts.size(),
            dominant.size(),
            new PartConsistencyReport.Chance(
                chancePurity / CHANCE_DRAWS, CHANCE_DRAWS, CHANCE_SEED)));
  }

  /** The part of the keypoint nearest to (x, y); the first listed one on ties. */
  static String nearestPart(List<Keypoint> keypoints, double x, double y) {
    Keypoint best = keypoints.get(0);
    double bestDistance = Double.POSITIVE_INFINITY;
    for (Keypoint k : keypoints) {
      double d = Math.hypot(k.x() - x, k.y() - y);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best.part();
  }

  /**
   * {left, top, right, bottom} in image pixels where chance points fall: the box (or the image)
   * clipped to the visible crop; the unclipped box when the two do not overlap.
   */
  static double[] chanceRegion(CropWindow window, Optional<BoundingBox> box) {
    double left = box.map(BoundingBox::x).orElse(0.0);
    double top = box.map(BoundingBox::y).orElse(0.0);
    double right = box.map(b -> b.x() + b.width()).orElse((double) window.width());
    double bottom = box.map(b -> b.y() + b.height()).orElse((double) window.height());
    double cl = Math.max(left, window.originalX(0));
    double ct = Math.max(top, window.originalY(0));
    double cr = Math.min(right, window.originalX(window.size()));
    double cb = Math.min(bottom, window.originalY(window.size()));
    return cl < cr && ct < cb
        ? new double[] {cl, ct, cr, cb}
        : new double[] {left, top, right, bottom};
  }

  private static void count(Map<String, Integer> counts, String part) {
    counts.merge(part, 1, Integer::sum);
  }

  /** Most frequent first; equal counts in part-name order. */
  private static List<PartConsistencyReport.PartShare> shares(Map<String, Integer> counts) {
    return counts.entrySet().stream()
        .map(e -> new PartConsistencyReport.PartShare(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparingInt(PartConsistencyReport.PartShare::images)
                .reversed()
                .thenComparing(PartConsistencyReport.PartShare::part))
        .toList();
  }
}
