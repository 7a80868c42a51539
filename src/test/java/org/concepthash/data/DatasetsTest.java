package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

  @TempDir Path tmp;

  @Test
  void everyFormatIsDetectedFromItsLayout() throws IOException {
    assertDetected("cub200", Fixtures.cub(tmp.resolve("cub")));
    assertDetected("nabirds", Fixtures.nabirds(tmp.resolve("nabirds")));
    assertDetected("aircraft", Fixtures.aircraft(tmp.resolve("aircraft")));
    assertDetected("cars", Fixtures.cars(tmp.resolve("cars")));
    assertDetected("fashion-mnist", Fixtures.fashionMnist(tmp.resolve("fmnist")));
    Path world = tmp.resolve("world");
    PartsWorldWriter.write(new PartsWorldConfig(2, 2, 32, 1, 0.5), world, n -> {});
    assertDetected("parts", world);
    Fixtures.jpeg(tmp.resolve("list/img/a.jpg"));
    Fixtures.lines(tmp.resolve("list/train.txt"), "img/a.jpg 0");
    assertDetected("list", tmp.resolve("list"));
    Fixtures.jpeg(tmp.resolve("folder/cat/a.jpg"));
    assertDetected("imagefolder", tmp.resolve("folder"));
  }

  @Test
  void aGivenFormatOverridesDetection() throws IOException {
    Path world = tmp.resolve("world");
    PartsWorldWriter.write(new PartsWorldConfig(2, 2, 32, 1, 0.5), world, n -> {});
    // a parts world is also a valid list-file data set (train.txt / test.txt)
    Dataset asList = Datasets.read(world, Optional.of("list"));
    assertEquals("list", asList.format());
    assertEquals(4, asList.items().size());
  }

  @Test
  void anUnknownLayoutOrFormatNameIsAClearError() throws IOException {
    Files.writeString(tmp.resolve("readme.txt"), "nothing here");
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> Datasets.read(tmp, Optional.empty()));
    assertTrue(e.getMessage().contains("cannot tell the data set format"), e.getMessage());
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> Datasets.reader("coco"));
    assertTrue(
        unknown.getMessage().contains("cub200, nabirds") || unknown.getMessage().contains("known:"),
        unknown.getMessage());
  }

  private static void assertDetected(String format, Path root) throws IOException {
    assertEquals(Optional.of(format), Datasets.detect(root), root.toString());
    assertEquals(format, Datasets.read(root, Optional.empty()).format());
  }
}
