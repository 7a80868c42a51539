package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabirdsReaderTest {

  @TempDir Path tmp;

  @Test
  void classesAreTheUsedLeavesInIdOrderWithFamiliesFromTheHierarchy() throws IOException {
    Dataset nabirds = new NabirdsReader().read(Fixtures.nabirds(tmp));

    assertEquals(
        List.of(
            new ClassInfo(
                "House Finch (Adult Male)",
                "House Finch (Adult Male)",
                "Finches, Euphonias, and Allies",
                "Perching Birds"),
            new ClassInfo(
                "House Finch (Female/immature)",
                "House Finch (Female/immature)",
                "Finches, Euphonias, and Allies",
                "Perching Birds"),
            new ClassInfo(
                "Oak Titmouse", "Oak Titmouse", "Chickadees and Titmice", "Perching Birds"),
            new ClassInfo(
                "Blue-winged Teal  (Male)",
                "Blue-winged Teal (Male)",
                "Ducks",
                "Ducks, Geese, and Swans")),
        nabirds.classes(),
        "class 11 (Mallard) has no images and is left out");
    assertEquals(
        List.of(3, 0, 2, 1, 0), nabirds.items().stream().map(LabelledImage::classIndex).toList());
    assertEquals(
        List.of(Split.TRAIN, Split.TEST, Split.TRAIN, Split.TEST, Split.TRAIN),
        nabirds.items().stream().map(LabelledImage::split).toList());
    LabelledImage second = nabirds.items().get(1);
    assertEquals("images/0004/0000d9fc4e024c06a0afa55cfb16b12b.jpg", second.key());
    assertEquals(new BoundingBox(11, 20, 100, 80), second.box().orElseThrow());
    assertEquals(List.of(new Keypoint("bill", 55, 66)), second.keypoints());
  }

  @Test
  void aHierarchyCycleIsReported() throws IOException {
    Path root = Fixtures.nabirds(tmp).resolve("nabirds");
    Fixtures.lines(
        root.resolve("hierarchy.txt"),
        "1 0",
        "2 1",
        "3 2",
        "4 3",
        "5 3",
        "6 1",
        "7 6",
        "8 10",
        "9 8",
        "10 9",
        "11 9");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new NabirdsReader().read(tmp));
    assertTrue(e.getMessage().contains("form a cycle"), e.getMessage());
  }

  @Test
  void anUnknownParentNamesItsLine() throws IOException {
    Path root = Fixtures.nabirds(tmp).resolve("nabirds");
    Fixtures.lines(root.resolve("hierarchy.txt"), "1 0", "2 1", "3 42");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new NabirdsReader().read(tmp));
    assertEquals(
        root.resolve("hierarchy.txt") + ":3: class id 42 is not in classes.txt", e.getMessage());
  }
}
