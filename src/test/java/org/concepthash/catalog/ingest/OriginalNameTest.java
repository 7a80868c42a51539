package org.concepthash.catalog.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OriginalNameTest {

  @Test
  void dropsDirectoriesFromPathTraversalNames() {
    assertEquals("passwd", OriginalName.sanitise("../../etc/passwd"));
    assertEquals("evil.png", OriginalName.sanitise("..\\..\\windows\\evil.png"));
    assertEquals("unnamed", OriginalName.sanitise("../.."));
  }

  @Test
  void removesControlAndReservedCharactersAndLeadingDots() {
    assertEquals("bird.jpg", OriginalName.sanitise("bi\u0000r\nd.jpg"));
    assertEquals("hidden.png", OriginalName.sanitise(".hidden.png"));
    assertEquals("abc.png", OriginalName.sanitise("a<b>c|.png"));
  }

  @Test
  void shortensOverlongNamesKeepingTheExtension() {
    String name = "x".repeat(5000) + ".jpeg";
    String clean = OriginalName.sanitise(name);
    assertEquals(OriginalName.MAX_LENGTH, clean.length());
    assertTrue(clean.endsWith(".jpeg"));
  }

  @Test
  void givesANameToNothing() {
    assertEquals("unnamed", OriginalName.sanitise(null));
    assertEquals("unnamed", OriginalName.sanitise("   "));
    assertFalse(OriginalName.sanitise("photo.jpg").isBlank());
  }
}
