package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistReaderTest {

  @TempDir Path tmp;

  @Test
  void readsGzippedIdxFilesIntoGreyPngImages() throws IOException {
    Dataset dataset = new FashionMnistReader().read(Fixtures.fashionMnist(tmp));

    assertEquals(10, dataset.classes().size());
    assertEquals("Ankle boot", dataset.classes().get(9).name());
    assertEquals("footwear", dataset.classes().get(9).family());
    assertEquals(
        List.of(
            "train/00000.png",
            "train/00001.png",
            "train/00002.png",
            "test/00000.png",
            "test/00001.png"),
        dataset.items().stream().map(LabelledImage::key).toList());
    assertEquals(
        List.of(9, 0, 3, 5, 8), dataset.items().stream().map(LabelledImage::classIndex).toList());
    assertEquals(3, dataset.split(Split.TRAIN).size());
    try (InputStream in = dataset.items().get(4).image().open()) {
      BufferedImage image = ImageIO.read(in);
      assertEquals(28, image.getWidth());
      assertEquals(
          Fixtures.pixel(1, 5, 7), image.getRaster().getSample(5, 7, 0), "test image 1 at (5, 7)");
    }
  }

  @Test
  void aLabelCountThatDiffersFromTheImageCountIsAnError() throws IOException {
    Fixtures.fashionMnist(tmp);
    Fixtures.idx(
        tmp.resolve("t10k-labels-idx1-ubyte.gz"), 0x801, new int[] {3}, new byte[] {5, 8, 1});
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> new FashionMnistReader().read(tmp));
    assertEquals(
        tmp.resolve("t10k-labels-idx1-ubyte.gz")
            + ": 3 labels for 2 images in t10k-images-idx3-ubyte.gz",
        e.getMessage());
  }

  @Test
  void aWrongMagicNumberOrTruncatedPayloadIsAnError() throws IOException {
    Fixtures.fashionMnist(tmp);
    Path labels = tmp.resolve("train-labels-idx1-ubyte.gz");
    Fixtures.idx(labels, 0x803, new int[] {3}, new byte[] {1, 2, 3});
    DatasetFormatException magic =
        assertThrows(DatasetFormatException.class, () -> new FashionMnistReader().read(tmp));
    assertEquals(labels, magic.file());

    Fixtures.idx(labels, 0x801, new int[] {3}, new byte[] {1, 2});
    DatasetFormatException truncated =
        assertThrows(DatasetFormatException.class, () -> new FashionMnistReader().read(tmp));
    assertEquals(labels + ": header promises 3 data bytes, file has 2", truncated.getMessage());
  }
}
