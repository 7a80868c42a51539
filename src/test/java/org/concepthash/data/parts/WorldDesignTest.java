package org.concepthash.data.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldDesignTest {

  @Test
  void classesComeInFamiliesOfThreeSharingBodyTailAndBeakLength() {
    List<Species> species = WorldDesign.create(12, 7);
    assertEquals(12, species.size());
    for (int i = 0; i < species.size(); i++) {
      assertEquals(i, species.get(i).index());
      Family family = species.get(i).family();
      assertEquals(
          species.get(i - i % 3).family(), family, "class " + i + " shares its family's parts");
    }
    Set<Family> families = new HashSet<>();
    species.forEach(s -> families.add(s.family()));
    assertEquals(4, families.size());
  }

  @Test
  void secondMemberSwapsHeadAndWingColoursAndThirdDiffersOnlyInTheBeak() {
    for (int f = 0; f < 4; f++) {
      List<Species> species = WorldDesign.create(12, 11);
      Species first = species.get(3 * f);
      Species swapped = species.get(3 * f + 1);
      Species beakOnly = species.get(3 * f + 2);
      assertEquals(first.head(), swapped.wing());
      assertEquals(first.wing(), swapped.head());
      assertEquals(first.beak(), swapped.beak());
      assertEquals(first.head(), beakOnly.head());
      assertEquals(first.wing(), beakOnly.wing());
      assertNotEquals(first.beak(), beakOnly.beak());
      assertNotEquals(
          first.family().colour(), first.head(), "head must stand out against the body");
      assertNotEquals(
          first.family().colour(), first.wing(), "wing must stand out against the body");
    }
  }

  @Test
  void headAndWingHaveTheSameAreaSoSwappingTheirColoursKeepsTheColourHistogram() {
    double head = Math.PI * Bird.HEAD_RADIUS * Bird.HEAD_RADIUS;
    double wing = Math.PI * Bird.WING_RX * Bird.WING_RY;
    assertEquals(head, wing, head * 0.01);
  }

  @Test
  void classNamesAreUniqueCubStyleAndEndInTheFamilyName() {
    List<Species> species = WorldDesign.create(WorldDesign.MAX_CLASSES, 3);
    Set<String> names = new HashSet<>();
    for (Species s : species) {
      names.add(s.className());
      assertEquals(
          s.family().name(), s.displayName().substring(s.displayName().lastIndexOf(' ') + 1));
    }
    assertEquals(species.size(), names.size());
    assertEquals("001.", species.get(0).className().substring(0, 4));
  }

  @Test
  void theSeedChangesTheWorldButNotItsStructure() {
    List<Species> a = WorldDesign.create(9, 1);
    List<Species> b = WorldDesign.create(9, 2);
    assertEquals(a, WorldDesign.create(9, 1));
    assertNotEquals(a, b);
  }

  @Test
  void tooFewOrTooManyClassesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> WorldDesign.create(1, 0));
    assertThrows(
        IllegalArgumentException.class, () -> WorldDesign.create(WorldDesign.MAX_CLASSES + 1, 0));
  }
}
