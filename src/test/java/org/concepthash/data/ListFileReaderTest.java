package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListFileReaderTest {

  @TempDir Path tmp;

  /** The reference code's layout: lists in data/cub/, paths relative to the repository root. */
  private Path referenceLayout() throws IOException {
    Path lists = tmp.resolve("data/cub");
    Fixtures.jpeg(tmp.resolve("data/cub/images/001.Black_footed_Albatross/a 1.jpg"));
    Fixtures.jpeg(tmp.resolve("data/cub/images/002.Laysan_Albatross/b.jpg"));
    Fixtures.jpeg(tmp.resolve("data/cub/images/002.Laysan_Albatross/c.jpg"));
    Fixtures.lines(
        lists.resolve("train.txt"),
        "data/cub/images/001.Black_footed_Albatross/a 1.jpg 0",
        "data/cub/images/002.Laysan_Albatross/b.jpg 1");
    Fixtures.lines(lists.resolve("test.txt"), "data/cub/images/002.Laysan_Albatross/c.jpg 1");
    return lists;
  }

  @Test
  void readsTrainAndTestListsWithPathsRelativeToTheRepositoryRoot() throws IOException {
    Dataset dataset = new ListFileReader().read(referenceLayout());

    assertEquals(
        List.of("class 0", "class 1"), dataset.classes().stream().map(ClassInfo::name).toList());
    assertEquals(
        List.of(
            "data/cub/images/001.Black_footed_Albatross/a 1.jpg",
            "data/cub/images/002.Laysan_Albatross/b.jpg",
            "data/cub/images/002.Laysan_Albatross/c.jpg"),
        dataset.items().stream().map(LabelledImage::key).toList());
    assertEquals(
        List.of(Split.TRAIN, Split.TRAIN, Split.TEST),
        dataset.items().stream().map(LabelledImage::split).toList());
    assertEquals(
        List.of(0, 1, 1), dataset.items().stream().map(LabelledImage::classIndex).toList());
  }

  @Test
  void classNamesTxtNamesTheClassesAndBoundsTheLabels() throws IOException {
    Path lists = referenceLayout();
    Fixtures.lines(lists.resolve("class_names.txt"), "Black footed Albatross", "Laysan Albatross");
    assertEquals(
        "Laysan Albatross", new ListFileReader().read(lists).classes().get(1).displayName());

    Fixtures.lines(lists.resolve("test.txt"), "data/cub/images/002.Laysan_Albatross/c.jpg 2");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new ListFileReader().read(lists));
    assertEquals(lists.resolve("test.txt") + ":1: label 2 out of range 0..1", e.getMessage());
  }

  @Test
  void databaseTxtIsTheTrainSplitWhenPresent() throws IOException {
    Path lists = referenceLayout();
    Fixtures.lines(lists.resolve("database.txt"), "data/cub/images/002.Laysan_Albatross/b.jpg 1");
    assertEquals(1, new ListFileReader().read(lists).split(Split.TRAIN).size());
  }

  @Test
  void aLineWithoutLabelNamesItsLine() throws IOException {
    Path lists = referenceLayout();
    Fixtures.lines(lists.resolve("test.txt"), "data/cub/images/002.Laysan_Albatross/c.jpg one");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new ListFileReader().read(lists));
    assertEquals(lists.resolve("test.txt") + ":1: label is not an integer: 'one'", e.getMessage());
  }
}
