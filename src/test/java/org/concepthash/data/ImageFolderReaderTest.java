package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderReaderTest {

  @TempDir Path tmp;

  @Test
  void oneFolderPerClassInNameOrderWithoutSplits() throws IOException {
    Fixtures.jpeg(tmp.resolve("Blue_Jay/b.jpg"));
    Fixtures.jpeg(tmp.resolve("Blue_Jay/a.JPG"));
    Fixtures.jpeg(tmp.resolve("American_Crow/x.png"));
    Fixtures.lines(tmp.resolve("American_Crow/notes.txt"), "not an image");
    Fixtures.jpeg(tmp.resolve(".thumbnails/t.jpg"));

    Dataset dataset = new ImageFolderReader().read(tmp);

    assertEquals(
        List.of(
            new ClassInfo("American_Crow", "American Crow", "American Crow"),
            new ClassInfo("Blue_Jay", "Blue Jay", "Blue Jay")),
        dataset.classes());
    assertEquals(
        List.of("American_Crow/x.png", "Blue_Jay/a.JPG", "Blue_Jay/b.jpg"),
        dataset.items().stream().map(LabelledImage::key).toList());
    assertEquals(
        List.of(0, 1, 1), dataset.items().stream().map(LabelledImage::classIndex).toList());
    assertEquals(3, dataset.split(Split.UNSPECIFIED).size());
  }

  @Test
  void trainAndTestFoldersGiveTheSplits() throws IOException {
    Fixtures.jpeg(tmp.resolve("train/cat/1.jpg"));
    Fixtures.jpeg(tmp.resolve("train/dog/1.jpg"));
    Fixtures.jpeg(tmp.resolve("test/dog/2.jpg"));
    Fixtures.jpeg(tmp.resolve("test/emu/3.jpg"));

    Dataset dataset = new ImageFolderReader().read(tmp);

    assertEquals(
        List.of("cat", "dog", "emu"), dataset.classes().stream().map(ClassInfo::name).toList());
    assertEquals(
        List.of("train/cat/1.jpg", "train/dog/1.jpg", "test/dog/2.jpg", "test/emu/3.jpg"),
        dataset.items().stream().map(LabelledImage::key).toList());
    assertEquals(
        List.of(Split.TRAIN, Split.TRAIN, Split.TEST, Split.TEST),
        dataset.items().stream().map(LabelledImage::split).toList());
    assertEquals(
        List.of(0, 1, 1, 2), dataset.items().stream().map(LabelledImage::classIndex).toList());
  }

  @Test
  void classFoldersWithoutImagesAreAnError() throws IOException {
    Files.createDirectories(tmp.resolve("empty_class"));
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new ImageFolderReader().read(tmp));
    assertEquals(tmp, e.file());
  }
}
