package org.concepthash.data.parts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.concepthash.data.Dataset;
import org.concepthash.data.DatasetFormatException;
import org.concepthash.data.Datasets;
import org.concepthash.data.LabelledImage;
import org.concepthash.data.PartsWorldReader;
import org.concepthash.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartsWorldWriterTest {

  private static final PartsWorldConfig SMALL = new PartsWorldConfig(4, 5, 48, 99, 0.6);

  @TempDir Path tmp;

  @Test
  void theSameConfigWritesByteIdenticalFiles() throws IOException {
    PartsWorldWriter.write(SMALL, tmp.resolve("a"), n -> {});
    PartsWorldWriter.write(SMALL, tmp.resolve("b"), n -> {});
    List<Path> files = files(tmp.resolve("a"));
    assertEquals(files, files(tmp.resolve("b")));
    assertEquals(
        4 * 5 + 5, files.size(), "20 images + manifest, classes, annotations, train, test lists");
    for (Path relative : files) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(relative)),
          Files.readAllBytes(tmp.resolve("b").resolve(relative)),
          relative.toString());
    }
  }

  @Test
  void theWrittenSetReadsBackWithLabelsSplitsFamiliesAndKeypoints() throws IOException {
    Path out = tmp.resolve("set");
    assertEquals(20, PartsWorldWriter.write(SMALL, out, n -> {}));
    Dataset dataset = Datasets.read(out, Optional.empty());
    PartsWorldGenerator generator = new PartsWorldGenerator(SMALL);

    assertEquals("parts", dataset.format());
    assertEquals(4, dataset.classes().size());
    assertEquals(
        4 * 3, dataset.split(Split.TRAIN).size(), "round(5 * 0.6) = 3 train images per class");
    assertEquals(4 * 2, dataset.split(Split.TEST).size());
    for (Species s : generator.species()) {
      assertEquals(s.className(), dataset.classes().get(s.index()).name());
      assertEquals(s.displayName(), dataset.classes().get(s.index()).displayName());
      assertEquals(s.family().name(), dataset.classes().get(s.index()).family());
    }
    LabelledImage item = dataset.items().get(7); // class 1, image 2
    GeneratedImage expected = generator.generate(1, 2);
    assertEquals(1, item.classIndex());
    assertEquals(Split.TRAIN, item.split());
    assertEquals(expected.keypoints(), item.keypoints());
    assertEquals(expected.box(), item.box().orElseThrow());
    try (var in = item.image().open()) {
      assertEquals(48, javax.imageio.ImageIO.read(in).getWidth());
    }
    List<String> trainList = Files.readAllLines(out.resolve("train.txt"));
    assertEquals(item.key() + " 1", trainList.get(5));
  }

  @Test
  void aBrokenAnnotationLineIsReportedWithFileAndLine() throws IOException {
    Path out = tmp.resolve("set");
    PartsWorldWriter.write(SMALL, out, n -> {});
    Path annotations = out.resolve(PartsWorldReader.ANNOTATIONS);
    List<String> lines = new ArrayList<>(Files.readAllLines(annotations));
    String[] fields = lines.get(4).split(",");
    fields[2] = "validation";
    lines.set(4, String.join(",", fields));
    Files.write(annotations, lines, StandardCharsets.UTF_8);
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> Datasets.read(out, Optional.empty()));
    assertTrue(e.getMessage().startsWith(annotations + ":5: "), e.getMessage());
    assertEquals(5, e.line());
  }

  @Test
  void aMissingImageIsReportedWithTheLineThatNamesIt() throws IOException {
    Path out = tmp.resolve("set");
    PartsWorldWriter.write(SMALL, out, n -> {});
    Files.delete(
        out.resolve(
            PartsWorldWriter.imagePath(new PartsWorldGenerator(SMALL).species().get(0), 1)));
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> Datasets.read(out, Optional.empty()));
    assertTrue(e.getMessage().contains(":3: image file not found"), e.getMessage());
  }

  @Test
  void aNonEmptyOutputFolderIsRefusedAndLeftAlone() throws IOException {
    Files.writeString(tmp.resolve("keep.txt"), "mine");
    IOException e =
        assertThrows(IOException.class, () -> PartsWorldWriter.write(SMALL, tmp, n -> {}));
    assertTrue(e.getMessage().contains("not empty"));
    assertFalse(Files.exists(tmp.resolve(PartsWorldReader.MANIFEST)));
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
    }
  }
}
