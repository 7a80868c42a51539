package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cub200ReaderTest {

  @TempDir Path tmp;

  @Test
  void readsClassesSplitsBoxesAndVisibleKeypoints() throws IOException {
    Dataset cub = new Cub200Reader().read(Fixtures.cub(tmp));

    assertEquals(
        List.of(
            new ClassInfo("001.Black_footed_Albatross", "black footed albatross", "albatross"),
            new ClassInfo("002.Laysan_Albatross", "laysan albatross", "albatross"),
            new ClassInfo("004.Groove_billed_Ani", "groove billed ani", "ani")),
        cub.classes());
    assertEquals(4, cub.items().size());
    assertEquals(List.of(0, 0, 1, 2), cub.items().stream().map(LabelledImage::classIndex).toList());
    assertEquals(
        List.of(Split.TRAIN, Split.TEST, Split.TRAIN, Split.TEST),
        cub.items().stream().map(LabelledImage::split).toList());
    LabelledImage first = cub.items().get(0);
    assertEquals(
        "images/001.Black_footed_Albatross/Black_Footed_Albatross_0001_796111.jpg", first.key());
    assertTrue(Files.isRegularFile(((FileImageSource) first.image()).file()));
    assertEquals(new BoundingBox(60, 27, 325, 304), first.box().orElseThrow());
    assertEquals(
        List.of(new Keypoint("back", 312, 182), new Keypoint("left eye", 100, 50.5)),
        first.keypoints());
    assertEquals(List.of(), cub.items().get(2).keypoints(), "no visible part");
  }

  @Test
  void theCubFolderItselfIsAcceptedAsRoot() throws IOException {
    Fixtures.cub(tmp);
    assertEquals(4, new Cub200Reader().read(tmp.resolve("CUB_200_2011")).items().size());
  }

  @Test
  void aClassIdMissingFromClassesTxtNamesTheLabelLine() throws IOException {
    Path root = Fixtures.cub(tmp).resolve("CUB_200_2011");
    Fixtures.lines(root.resolve("image_class_labels.txt"), "1 1", "2 9", "3 2", "4 3");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new Cub200Reader().read(tmp));
    assertEquals(
        root.resolve("image_class_labels.txt") + ":2: class id 9 is not in classes.txt",
        e.getMessage());
  }

  @Test
  void aBadBoxNumberNamesItsLine() throws IOException {
    Path root = Fixtures.cub(tmp).resolve("CUB_200_2011");
    Fixtures.lines(
        root.resolve("bounding_boxes.txt"), "1 60.0 27.0 325.0 304.0", "2 139.0 30.0 wide 264.0");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new Cub200Reader().read(tmp));
    assertEquals(root.resolve("bounding_boxes.txt"), e.file());
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains("width is not a finite number: 'wide'"), e.getMessage());
  }

  @Test
  void anImageWithoutSplitLineOrFileIsAnError() throws IOException {
    Path root = Fixtures.cub(tmp).resolve("CUB_200_2011");
    Fixtures.lines(root.resolve("train_test_split.txt"), "1 1", "2 0", "4 0");
    DatasetFormatException noSplit =
        assertThrows(DatasetFormatException.class, () -> new Cub200Reader().read(tmp));
    assertEquals(
        root.resolve("images.txt") + ":3: image id 3 has no line in train_test_split.txt",
        noSplit.getMessage());

    Fixtures.lines(root.resolve("train_test_split.txt"), "1 1", "2 0", "3 1", "4 0");
    Files.delete(root.resolve("images/002.Laysan_Albatross/Laysan_Albatross_0001_545.jpg"));
    DatasetFormatException noFile =
        assertThrows(DatasetFormatException.class, () -> new Cub200Reader().read(tmp));
    assertTrue(
        noFile.getMessage().startsWith(root.resolve("images.txt") + ":3: image file not found"),
        noFile.getMessage());
  }

  @Test
  void aPathEscapingTheImagesFolderIsRefused() throws IOException {
    Path root = Fixtures.cub(tmp).resolve("CUB_200_2011");
    Fixtures.lines(
        root.resolve("images.txt"),
        "1 001.Black_footed_Albatross/Black_Footed_Albatross_0001_796111.jpg",
        "2 ../../secret.jpg",
        "3 002.Laysan_Albatross/Laysan_Albatross_0001_545.jpg",
        "4 004.Groove_billed_Ani/Groove_Billed_Ani_0005_1750.jpg");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new Cub200Reader().read(tmp));
    assertTrue(
        e.getMessage().contains(":2: image path leaves the data set folder"), e.getMessage());
  }
}
