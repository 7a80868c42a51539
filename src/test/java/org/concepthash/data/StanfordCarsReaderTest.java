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

class StanfordCarsReaderTest {

  @TempDir Path tmp;

  @Test
  void readsMatFilesWithMakesAsFamilies() throws IOException {
    Dataset cars = new StanfordCarsReader().read(Fixtures.cars(tmp));

    assertEquals(
        List.of("AM General", "Aston Martin", "Acura", "Land Rover"),
        cars.classes().stream().map(ClassInfo::family).toList());
    assertEquals("Aston Martin V8 Vantage Convertible 2012", cars.classes().get(1).displayName());
    assertEquals(
        List.of(
            "cars_train/00001.jpg",
            "cars_train/00002.jpg",
            "cars_train/00003.jpg",
            "cars_test/00001.jpg",
            "cars_test/00002.jpg"),
        cars.items().stream().map(LabelledImage::key).toList());
    assertEquals(
        List.of(0, 1, 3, 2, 0),
        cars.items().stream().map(LabelledImage::classIndex).toList(),
        "1-based classes become 0-based");
    assertEquals(
        List.of(Split.TRAIN, Split.TRAIN, Split.TRAIN, Split.TEST, Split.TEST),
        cars.items().stream().map(LabelledImage::split).toList());
    assertEquals(new BoundingBox(38, 115, 531, 260), cars.items().get(0).box().orElseThrow());
  }

  @Test
  void theTestLabelsMayLiveInTheDevkitFolder() throws IOException {
    Fixtures.cars(tmp);
    Files.move(
        tmp.resolve(StanfordCarsReader.TEST_ANNOTATIONS),
        tmp.resolve("devkit").resolve(StanfordCarsReader.TEST_ANNOTATIONS));
    assertEquals(2, new StanfordCarsReader().read(tmp).split(Split.TEST).size());
  }

  @Test
  void aClassOutOfRangeNamesTheFileAndEntry() throws IOException {
    Fixtures.cars(tmp);
    Path test = tmp.resolve(StanfordCarsReader.TEST_ANNOTATIONS);
    Fixtures.carAnnotations(
        test,
        tmp.resolve("cars_test"),
        new String[] {"00001.jpg", "00002.jpg"},
        new int[] {3, 197},
        new int[][] {{1, 1, 2, 2}, {1, 1, 2, 2}});
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new StanfordCarsReader().read(tmp));
    assertEquals(test + ": annotation 2: class 197 out of range 1..4", e.getMessage());
  }

  @Test
  void aFileThatIsNotAMatFileIsReportedAsSuch() throws IOException {
    Fixtures.cars(tmp);
    Files.writeString(tmp.resolve("devkit/cars_train_annos.mat"), "not matlab");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new StanfordCarsReader().read(tmp));
    assertTrue(
        e.getMessage()
            .startsWith(tmp.resolve("devkit/cars_train_annos.mat") + ": expected a struct array"),
        e.getMessage());
  }
}
