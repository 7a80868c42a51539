package org.concepthash.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TopKCollectorTest {

  @Test
  void theBoundFallsToTheDistanceThatAlreadyHoldsKCandidates() {
    TopKCollector collector = new TopKCollector(2, 64);
    assertEquals(65, collector.bound);
    collector.offer(9, 0);
    assertEquals(65, collector.bound);
    collector.offer(3, 1);
    assertEquals(9, collector.bound); // two candidates at distance <= 9: a later 9 would rank third
    collector.offer(3, 2);
    assertEquals(3, collector.bound);
  }

  @Test
  void compactionKeepsTheEarliestTiesAtTheBound() {
    TopKCollector collector = new TopKCollector(3, 16);
    collector.offer(5, 10);
    collector.offer(7, 11);
    collector.offer(5, 12);
    collector.offer(2, 13); // bound becomes 5: {2, 5, 5} fill k
    collector.compact();
    assertEquals(3, collector.size());
    assertEquals(10, collector.ref(0));
    assertEquals(12, collector.ref(1));
    assertEquals(13, collector.ref(2));
  }

  @Test
  void kExactMatchesCloseTheScan() {
    TopKCollector collector = new TopKCollector(2, 16);
    collector.offer(0, 1);
    collector.offer(0, 2);
    assertEquals(0, collector.bound);
  }
}
