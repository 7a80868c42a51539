package org.concepthash.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AttentionOverlapTest {

  @Test
  void identicalMapsOverlapFullyAndDisjointMapsNotAtAll() {
    AttentionOverlap same = new AttentionOverlap();
    float[] map = {0.5f, 0.3f, 0.1f, 0.1f, 0, 0, 0, 0, 0, 0};
    same.add(new float[][] {map, map, map});
    assertEquals(1, same.meanCosine(), 1e-6);
    assertEquals(1, same.meanTopIou(), 1e-9);

    AttentionOverlap apart = new AttentionOverlap();
    apart.add(
        new float[][] {
          {1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, {0, 0, 1, 1, 0, 0, 0, 0, 0, 0},
        });
    assertEquals(0, apart.meanCosine(), 1e-9);
    assertEquals(0, apart.meanTopIou(), 1e-9);
    assertEquals(1, apart.images());
  }

  @Test
  void averagesOverImages() {
    AttentionOverlap o = new AttentionOverlap();
    o.add(new float[][] {{1, 0}, {1, 0}});
    o.add(new float[][] {{1, 0}, {0, 1}});
    assertEquals(0.5, o.meanCosine(), 1e-9);
  }
}
