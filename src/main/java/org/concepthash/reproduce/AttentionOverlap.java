package org.concepthash.reproduce;

import java.util.Arrays;

/**
 * How much the concepts' attention maps overlap (Fig. 7 of the paper: L_csd pushes them apart),
 * averaged over images and the M(M-1)/2 concept pairs, two ways: the cosine between the maps (what
 * L_csd minimises) and the IoU of their top-20% masks (the patches holding a map's largest values),
 * which does not depend on how peaked the maps are.
 */
final class AttentionOverlap {

  static final double TOP_SHARE = 0.2;

  private double cosine;
  private double iou;
  private int images;

  /** Adds one image's maps, M rows of P patch weights. */
  void add(float[][] maps) {
    int m = maps.length;
    if (m < 2) {
      return;
    }
    double cos = 0;
    double overlap = 0;
    boolean[][] masks = new boolean[m][];
    for (int a = 0; a < m; a++) {
      masks[a] = topMask(maps[a]);
    }
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        cos += cosine(maps[a], maps[b]);
        overlap += iou(masks[a], masks[b]);
      }
    }
    int pairs = m * (m - 1) / 2;
    cosine += cos / pairs;
    iou += overlap / pairs;
    images++;
  }

  int images() {
    return images;
  }

  double meanCosine() {
    return images == 0 ? Double.NaN : cosine / images;
  }

  double meanTopIou() {
    return images == 0 ? Double.NaN : iou / images;
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  /** The ceil(20%) patches with the largest weights (ties by patch index). */
  static boolean[] topMask(float[] map) {
    int keep = (int) Math.ceil(TOP_SHARE * map.length);
    Integer[] order = new Integer[map.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (x, y) -> Float.compare(map[y], map[x]));
    boolean[] mask = new boolean[map.length];
    for (int i = 0; i < keep; i++) {
      mask[order[i]] = true;
    }
    return mask;
  }

  static double iou(boolean[] a, boolean[] b) {
    int both = 0;
    int either = 0;
    for (int i = 0; i < a.length; i++) {
      both += a[i] && b[i] ? 1 : 0;
      either += a[i] || b[i] ? 1 : 0;
    }
    return either == 0 ? 0 : (double) both / either;
  }
}
