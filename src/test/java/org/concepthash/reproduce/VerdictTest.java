package org.concepthash.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {

  @Test
  void decidesByTwiceTheStandardErrorOfTheDifference() {
    Stats a = Stats.of(List.of(0.80, 0.82, 0.81));
    Stats b = Stats.of(List.of(0.70, 0.72, 0.71));
    assertEquals(0.01, a.std(), 1e-12);
    assertEquals("holds", Verdict.higher("a > b", a, b).outcome());
    assertEquals("does not hold", Verdict.higher("b > a", b, a).outcome());
    Stats close = Stats.of(List.of(0.79, 0.83, 0.80));
    assertEquals("inconclusive", Verdict.higher("close > a", close, a).outcome());
    assertEquals(
        "inconclusive (fewer than 2 seeds)",
        Verdict.higher("one seed", Stats.of(List.of(0.9)), b).outcome());
    assertEquals("not run", Verdict.higher("none", Stats.of(List.of()), b).outcome());
  }
}
