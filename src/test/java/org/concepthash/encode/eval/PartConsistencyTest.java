package org.concepthash.encode.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;
import org.concepthash.model.CropWindow;
import org.concepthash.model.ImagePreprocessor;
import org.junit.jupiter.api.Test;

class PartConsistencyTest {

  private static final ImagePreprocessor P32 =
      new ImagePreprocessor(32, 32, ImagePreprocessor.CLIP_MEAN, ImagePreprocessor.CLIP_STD);

  /** 32 x 32 images: crop = image. */
  private static final CropWindow IDENTITY = CropWindow.of(P32, 32, 32);

  /**
   * Keypoints in the corners of a 32 x 32 image; grid 4 has 8 px patches with centres 4, 12, 20,
   * 28.
   */
  private static final List<Keypoint> CORNERS =
      List.of(
          new Keypoint("head", 2, 2),
          new Keypoint("tail", 30, 2),
          new Keypoint("wing", 2, 30),
          new Keypoint("body", 30, 30));

  @Test
  void eachPeakGoesToTheNearestKeypointsPartAndTheDominantPartsShareIsThePurity() {
    PartConsistency pc = new PartConsistency(2);
    // concept 0: head, head, head, tail -> head 3/4; concept 1: wing, body, wing, wing -> wing 3/4
    int[][] peaks = {{0, 12}, {1, 15}, {5, 8}, {3, 13}};
    for (int[] p : peaks) {
      pc.add(maps(4, p), 4, IDENTITY, Optional.empty(), CORNERS);
    }
    PartConsistencyReport r = pc.report().orElseThrow();
    assertEquals(4, r.images());
    PartConsistencyReport.ConceptParts c0 = r.concepts().get(0);
    assertEquals("head", c0.dominantPart());
    assertEquals(0.75, c0.purity(), 1e-12);
    assertEquals(4, c0.images());
    assertEquals(
        List.of(
            new PartConsistencyReport.PartShare("head", 3),
            new PartConsistencyReport.PartShare("tail", 1)),
        c0.parts());
    assertEquals("wing", r.concepts().get(1).dominantPart());
    assertEquals(0.75, r.concepts().get(1).purity(), 1e-12);
    assertEquals(0.75, r.meanPurity(), 1e-12);
    assertEquals(2, r.distinctDominantParts());
    assertEquals("head in 75% of 4 annotated images", c0.summary());
  }

  @Test
  void twoConceptsOnTheSamePartCountOneDistinctDominantPart() {
    PartConsistency pc = new PartConsistency(2);
    pc.add(maps(4, new int[] {0, 1}), 4, IDENTITY, Optional.empty(), CORNERS);
    PartConsistencyReport r = pc.report().orElseThrow();
    assertEquals(1, r.distinctDominantParts());
    assertEquals(1.0, r.meanPurity(), 1e-12);
  }

  @Test
  void equalCountsPickThePartThatComesFirstByName() {
    PartConsistency pc = new PartConsistency(1);
    pc.add(maps(4, new int[] {3}), 4, IDENTITY, Optional.empty(), CORNERS); // tail
    pc.add(maps(4, new int[] {0}), 4, IDENTITY, Optional.empty(), CORNERS); // head
    PartConsistencyReport.ConceptParts c = pc.report().orElseThrow().concepts().get(0);
    assertEquals("head", c.dominantPart());
    assertEquals(0.5, c.purity(), 1e-12);
  }

  @Test
  void thePeakIsMappedThroughTheCropIntoImagePixels() {
    // a 64 x 32 image: resized to 64 x 32 (shorter side 32 already), crop = columns 16..48
    CropWindow wide = CropWindow.of(P32, 64, 32);
    assertEquals(16, wide.left());
    // grid 2: patch 0 has its centre at crop (8, 8) = image (24, 8); patch 1 at crop (24, 8) =
    // image (40, 8)
    List<Keypoint> kp =
        List.of(
            new Keypoint("left", 20, 8),
            new Keypoint("middle", 30, 8),
            new Keypoint("right", 41, 8));
    PartConsistency pc = new PartConsistency(2);
    pc.add(maps(2, new int[] {0, 1}), 2, wide, Optional.empty(), kp);
    PartConsistencyReport r = pc.report().orElseThrow();
    // without the crop offset the peaks would be at x = 8 and 24: "left" for both
    assertEquals("left", r.concepts().get(0).dominantPart()); // 24: 4 from left, 6 from middle
    assertEquals("right", r.concepts().get(1).dominantPart()); // 40: 1 from right
    // a 64 x 64 image, preprocessed to 32: everything halves, the peak at crop (8, 8) is image (16,
    // 16)
    CropWindow scaled = CropWindow.of(P32, 64, 64);
    PartConsistency half = new PartConsistency(1);
    half.add(
        maps(2, new int[] {0}),
        2,
        scaled,
        Optional.empty(),
        List.of(new Keypoint("near", 17, 17), new Keypoint("far", 8, 8)));
    assertEquals("near", half.report().orElseThrow().concepts().get(0).dominantPart());
  }

  @Test
  void imagesWithoutKeypointsAreSkipped() {
    PartConsistency pc = new PartConsistency(1);
    pc.add(maps(4, new int[] {0}), 4, IDENTITY, Optional.empty(), List.of());
    assertEquals(0, pc.images());
    assertTrue(pc.report().isEmpty());
  }

  @Test
  void mapsOfTheWrongCountOrSizeAreRefused() {
    PartConsistency pc = new PartConsistency(2);
    assertThrows(
        IllegalArgumentException.class,
        () -> pc.add(maps(4, new int[] {0}), 4, IDENTITY, Optional.empty(), CORNERS));
    assertThrows(
        IllegalArgumentException.class,
        () -> pc.add(maps(4, new int[] {0, 1}), 3, IDENTITY, Optional.empty(), CORNERS));
  }

  @Test
  void chanceIsOneWhenTheWholeBoxIsNearestToOnePart() {
    // the box covers only the top-left quarter: every point there is nearest to "head"
    PartConsistency pc = new PartConsistency(1);
    for (int i = 0; i < 5; i++) {
      pc.add(
          maps(4, new int[] {15}),
          4,
          IDENTITY,
          Optional.of(new BoundingBox(0, 0, 14, 14)),
          CORNERS);
    }
    PartConsistencyReport.Chance chance = pc.report().orElseThrow().chance();
    assertEquals(1.0, chance.purity(), 1e-12);
    assertEquals(PartConsistency.CHANCE_DRAWS, chance.draws());
    assertEquals(PartConsistency.CHANCE_SEED, chance.seed());
  }

  @Test
  void chanceOverTheWholeImageMatchesTheSameSeededDrawsComputedHere() {
    // no box: points are uniform over the 32 x 32 image; two keypoints split it at x = 16
    List<Keypoint> halves = List.of(new Keypoint("left", 8, 16), new Keypoint("right", 24, 16));
    int n = 50;
    PartConsistency pc = new PartConsistency(1);
    for (int i = 0; i < n; i++) {
      pc.add(maps(4, new int[] {0}), 4, IDENTITY, Optional.empty(), halves);
    }
    // independent: the same generator, the same draw order (per image, each random concept one
    // point)
    java.util.SplittableRandom random = new java.util.SplittableRandom(PartConsistency.CHANCE_SEED);
    int draws = PartConsistency.CHANCE_DRAWS;
    int[] left = new int[draws];
    for (int i = 0; i < n; i++) {
      for (int d = 0; d < draws; d++) {
        double x = random.nextDouble() * 32;
        random.nextDouble(); // y
        left[d] += x < 16 ? 1 : 0;
      }
    }
    double expected =
        Arrays.stream(left)
            .mapToDouble(l -> Math.max(l, n - l) / (double) n)
            .average()
            .orElseThrow();
    PartConsistencyReport r = pc.report().orElseThrow();
    assertEquals(expected, r.chance().purity(), 1e-12);
    // the dominant share of a fair coin over 50 images is near 0.56; well below a consistent
    // concept's 1.0
    assertTrue(
        r.chance().purity() > 0.5 && r.chance().purity() < 0.65, "chance " + r.chance().purity());
    PartConsistency again = new PartConsistency(1);
    for (int i = 0; i < n; i++) {
      again.add(maps(4, new int[] {0}), 4, IDENTITY, Optional.empty(), halves);
    }
    assertEquals(r, again.report().orElseThrow(), "a fixed seed: the same reference every time");
  }

  @Test
  void chancePointsStayInsideTheCropPartOfTheBox() {
    CropWindow wide = CropWindow.of(P32, 64, 32); // the network sees columns 16..48
    double[] region =
        PartConsistency.chanceRegion(wide, Optional.of(new BoundingBox(4, 10, 56, 10)));
    assertEquals(
        List.of(16.0, 10.0, 48.0, 20.0), List.of(region[0], region[1], region[2], region[3]));
    double[] whole = PartConsistency.chanceRegion(IDENTITY, Optional.empty());
    assertEquals(List.of(0.0, 0.0, 32.0, 32.0), List.of(whole[0], whole[1], whole[2], whole[3]));
    // a box entirely outside the crop keeps the box itself
    double[] outside =
        PartConsistency.chanceRegion(wide, Optional.of(new BoundingBox(0, 0, 10, 10)));
    assertEquals(
        List.of(0.0, 0.0, 10.0, 10.0), List.of(outside[0], outside[1], outside[2], outside[3]));
  }

  @Test
  void conceptsBelowChancePlusATenthAreUnreliable() {
    PartConsistencyReport r =
        report(0.5, new double[] {0.59, 0.61, 0.95}, new String[] {"head", "tail", "wing"});
    assertTrue(r.unreliable(0));
    assertFalse(r.unreliable(1));
    assertFalse(r.unreliable(2));
    assertFalse(r.unreliable(7), "an unknown concept is not marked");
  }

  @Test
  void aPartNamesTheConceptWithTheHighestPurityAboveTheThresholdOnly() {
    PartConsistencyReport r =
        report(
            0.3,
            new double[] {0.7, 0.9, 0.59, 0.65, 0.65},
            new String[] {"head", "head", "tail", "wing", "wing"});
    assertEquals(
        Optional.empty(), r.suggestedName(0), "head is taken by concept 1 with a higher purity");
    assertEquals(Optional.of("head"), r.suggestedName(1));
    assertEquals(Optional.empty(), r.suggestedName(2), "below 0.6");
    assertEquals(Optional.of("wing"), r.suggestedName(3), "equal purity: the lower index wins");
    assertEquals(Optional.empty(), r.suggestedName(4));
    PartConsistencyReport highChance = report(0.55, new double[] {0.62}, new String[] {"body"});
    assertEquals(
        Optional.empty(),
        highChance.suggestedName(0),
        "a part that chance finds as often names nothing");
  }

  private static PartConsistencyReport report(double chance, double[] purity, String[] parts) {
    List<PartConsistencyReport.ConceptParts> concepts = new java.util.ArrayList<>();
    for (int m = 0; m < purity.length; m++) {
      concepts.add(
          new PartConsistencyReport.ConceptParts(
              m,
              parts[m],
              purity[m],
              100,
              List.of(
                  new PartConsistencyReport.PartShare(
                      parts[m], (int) Math.round(100 * purity[m])))));
    }
    return new PartConsistencyReport(
        100, concepts, 0, 0, new PartConsistencyReport.Chance(chance, 32, 14));
  }

  /** One map per concept on a grid x grid patch grid, peaked at the given patch. */
  private static float[][] maps(int grid, int[] peaks) {
    float[][] out = new float[peaks.length][];
    for (int m = 0; m < peaks.length; m++) {
      out[m] = new float[grid * grid];
      Arrays.fill(out[m], 0.01f);
      out[m][peaks[m]] = 0.5f;
    }
    return out;
  }
}
