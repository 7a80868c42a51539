package org.concepthash.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reads the real Fashion-MNIST files of the Debian package (70000 images, about 10 s on 2 cores).
 */
class FashionMnistPackageIT {

  @Test
  void theDebianPackageCopyHasTheOfficialSizesAndIsDetected() throws IOException {
    assumeTrue(
        Files.isDirectory(FashionMnistReader.DEFAULT_ROOT),
        "dataset-fashion-mnist is not installed (apt-get install -y dataset-fashion-mnist)");
    Dataset dataset = Datasets.read(FashionMnistReader.DEFAULT_ROOT, Optional.empty());
    assertEquals("fashion-mnist", dataset.format());
    assertEquals(60_000, dataset.split(Split.TRAIN).size());
    assertEquals(10_000, dataset.split(Split.TEST).size());
  }
}
