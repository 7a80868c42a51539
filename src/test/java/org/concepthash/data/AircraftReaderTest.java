package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AircraftReaderTest {

  @TempDir Path tmp;

  @Test
  void readsVariantsWithFamiliesManufacturersSplitsAndBoxes() throws IOException {
    Dataset aircraft = new AircraftReader().read(Fixtures.aircraft(tmp));

    assertEquals(
        List.of(
            new ClassInfo("707-320", "707-320", "Boeing 707", "Boeing"),
            new ClassInfo("A300B4", "A300B4", "A300", "Airbus"),
            new ClassInfo("Cessna 172", "Cessna 172", "Cessna 172", "Cessna")),
        aircraft.classes());
    assertEquals(
        List.of(
            "images/1025794.jpg",
            "images/1340192.jpg",
            "images/0056978.jpg",
            "images/1514522.jpg",
            "images/2232187.jpg"),
        aircraft.items().stream().map(LabelledImage::key).toList());
    assertEquals(
        List.of(0, 1, 2, 0, 2), aircraft.items().stream().map(LabelledImage::classIndex).toList());
    assertEquals(3, aircraft.split(Split.TRAIN).size());
    assertEquals(2, aircraft.split(Split.TEST).size());
    // 1-based inclusive corners (3, 144)-(998, 431) -> 0-based x, y, w, h
    assertEquals(new BoundingBox(2, 143, 996, 288), aircraft.items().get(0).box().orElseThrow());
  }

  @Test
  void theDataFolderItselfIsAcceptedAsRoot() throws IOException {
    assertEquals(
        5, new AircraftReader().read(Fixtures.aircraft(tmp).resolve("data")).items().size());
  }

  @Test
  void aVariantWhoseImagesDisagreeOnTheFamilyIsAnError() throws IOException {
    Path data = Fixtures.aircraft(tmp).resolve("data");
    Fixtures.lines(
        data.resolve("images_family_test.txt"), "1514522 Boeing 727", "2232187 Cessna 172");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new AircraftReader().read(data));
    assertEquals(
        data.resolve("images_variant_test.txt")
            + ":1: this variant's family was 'Boeing 707' on an earlier image, here 'Boeing 727'",
        e.getMessage());
  }

  @Test
  void anUnknownVariantNamesItsLine() throws IOException {
    Path data = Fixtures.aircraft(tmp).resolve("data");
    Fixtures.lines(
        data.resolve("images_variant_trainval.txt"),
        "1025794 707-320",
        "1340192 A380",
        "0056978 Cessna 172");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new AircraftReader().read(data));
    assertEquals(
        data.resolve("images_variant_trainval.txt") + ":2: variant 'A380' is not in variants.txt",
        e.getMessage());
  }
}
