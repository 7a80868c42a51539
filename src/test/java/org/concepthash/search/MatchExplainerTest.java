package org.concepthash.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.concepthash.code.ConceptLayout;
import org.junit.jupiter.api.Test;

class MatchExplainerTest {

  private final MatchExplainer birds =
      new MatchExplainer(new ConceptLayout(64, 4), List.of("head", "wing", "body", "tail"));

  @Test
  void equalConceptsComeFirstThenEachDifference() {
    assertEquals(
        "same head and body; wing differs by 5 of 16 bits; tail differs by 2 of 16 bits",
        birds.explain(new int[] {0, 5, 0, 2}));
  }

  @Test
  void identicalCodesListEveryConceptAsSame() {
    assertEquals("same head, wing, body and tail", birds.explain(new int[4]));
  }

  @Test
  void codesDifferingEverywhereHaveNoSamePart() {
    assertEquals(
        "nearly the same head (1 of 16 bits); wing differs by 2 of 16 bits; body differs by 3 of 16"
            + " bits; tail differs by 16 of 16 bits",
        birds.explain(new int[] {1, 2, 3, 16}));
  }

  @Test
  void conceptsDifferingInAtMostATenthOfTheirBitsAreNearlyTheSame() {
    assertEquals(
        "same head; nearly the same wing (1 of 16 bits) and tail (1 of 16 bits); body differs by 2"
            + " of 16 bits",
        birds.explain(new int[] {0, 1, 2, 1}));
  }

  @Test
  void unnamedConceptsGetNumberedNamesAndTheirOwnWidths() {
    MatchExplainer explainer =
        MatchExplainer.withDefaultNames(new ConceptLayout(10, 3)); // 3, 3, 4 bits
    assertEquals(
        "same concept 1; concept 2 differs by 1 of 3 bits; concept 3 differs by 4 of 4 bits",
        explainer.explain(new int[] {0, 1, 4}));
  }

  @Test
  void unreliableConceptsAreMarkedWhereverTheyAreNamed() {
    MatchExplainer marked =
        new MatchExplainer(
            new ConceptLayout(64, 4),
            List.of("head", "wing", "body", "tail"),
            java.util.Set.of(1, 2));
    assertEquals(
        "same head and body (unreliable); nearly the same wing (unreliable) (1 of 16 bits);"
            + " tail differs by 5 of 16 bits",
        marked.explain(new int[] {0, 1, 0, 5}));
    assertEquals(
        "same head; wing (unreliable) differs by 3 of 16 bits; body (unreliable) differs by 2 of 16"
            + " bits; tail differs by 2 of 16 bits",
        marked.explain(new int[] {0, 3, 2, 2}));
  }

  @Test
  void distancesMustFitTheConcepts() {
    assertThrows(IllegalArgumentException.class, () -> birds.explain(new int[] {0, 17, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> birds.explain(new int[] {0, 1}));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MatchExplainer(new ConceptLayout(64, 4), List.of("head", "head", "body", "tail")));
  }
}
