package org.concepthash.serving.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.ErrorKind;
import org.junit.jupiter.api.Test;

class ConceptSelectionTest {

  private static final List<String> BIRD = List.of("head", "wing", "body", "tail");

  @Test
  void indicesAndNamesMixCaseInsensitively() {
    assertEquals(0b1001L, ConceptSelection.mask("0, Tail", BIRD));
    assertEquals(0b0110L, ConceptSelection.mask(List.of("wing", "2"), BIRD));
  }

  @Test
  void nothingSelectsEveryConceptOfTheVersionThatAnswers() {
    // 0, not 0b1111: the search may be answered by a newly activated model with other concepts
    assertEquals(0L, ConceptSelection.mask((String) null, BIRD));
    assertEquals(0L, ConceptSelection.mask(" , ", BIRD));
  }

  @Test
  void unknownConceptsAreRefusedByName() {
    CatalogException e =
        assertThrows(CatalogException.class, () -> ConceptSelection.mask("beak", BIRD));
    assertEquals(ErrorKind.INVALID, e.kind());
    assertTrue(e.getMessage().contains("beak"));
    assertThrows(CatalogException.class, () -> ConceptSelection.mask("4", BIRD));
    assertThrows(CatalogException.class, () -> ConceptSelection.mask("99999999999999", BIRD));
  }

  @Test
  void displayNamesAreDistinctAndNeverBlank() {
    assertEquals(
        List.of("head", "concept 2", "Head (3)"),
        ConceptNames.display(java.util.Arrays.asList("head", " ", "Head")));
  }
}
