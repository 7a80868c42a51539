package org.concepthash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fashion-MNIST IDX files (format {@code fashion-mnist}): {@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each
 * optionally gzip-compressed ({@code .gz}). The Debian package {@code dataset-fashion-mnist}
 * installs them in {@link #DEFAULT_ROOT}. 60000 train (database) / 10000 test (query) images of 28
 * x 28 grey pixels, 10 classes; items are keyed {@code train/00000.png} ... in file order.
 *
 * <p>The data set has no families; ours group the classes into tops, bottoms, dresses, footwear and
 * bags so that family-level retrieval can be exercised.
 */
public final class FashionMnistReader implements DatasetReader {

  public static final String FORMAT = "fashion-mnist";

  /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
  public static final Path DEFAULT_ROOT = Path.of("/usr/share/datasets/fashion-mnist");

  static final List<ClassInfo> CLASSES =
      List.of(
          new ClassInfo("T-shirt/top", "T-shirt/top", "tops"),
          new ClassInfo("Trouser", "Trouser", "bottoms"),
          new ClassInfo("Pullover", "Pullover", "tops"),
          new ClassInfo("Dress", "Dress", "dresses"),
          new ClassInfo("Coat", "Coat", "tops"),
          new ClassInfo("Sandal", "Sandal", "footwear"),
          new ClassInfo("Shirt", "Shirt", "tops"),
          new ClassInfo("Sneaker", "Sneaker", "footwear"),
          new ClassInfo("Bag", "Bag", "bags"),
          new ClassInfo("Ankle boot", "Ankle boot", "footwear"));

  @Override
  public String format() {
    return FORMAT;
  }

  public static boolean matches(Path root) {
    return find(root, "train-images-idx3-ubyte").isPresent()
        || find(root, "t10k-images-idx3-ubyte").isPresent();
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    List<LabelledImage> items = new ArrayList<>();
    read(root, "train", Split.TRAIN, items);
    read(root, "t10k", Split.TEST, items);
    return new Dataset(FORMAT, CLASSES, items);
  }

  private static void read(Path root, String prefix, Split split, List<LabelledImage> items)
      throws DatasetFormatException {
    Path imageFile = require(root, prefix + "-images-idx3-ubyte");
    Path labelFile = require(root, prefix + "-labels-idx1-ubyte");
    IdxFile images = IdxFile.read(imageFile, 3);
    IdxFile labels = IdxFile.read(labelFile, 1);
    int count = images.dims()[0];
    if (labels.dims()[0] != count) {
      throw new DatasetFormatException(
          labelFile,
          labels.dims()[0] + " labels for " + count + " images in " + imageFile.getFileName());
    }
    int rows = images.dims()[1];
    int cols = images.dims()[2];
    String folder = split == Split.TRAIN ? "train" : "test";
    for (int i = 0; i < count; i++) {
      int label = labels.data()[i] & 0xFF;
      if (label >= CLASSES.size()) {
        throw new DatasetFormatException(
            labelFile,
            "label " + label + " of item " + i + " out of range 0.." + (CLASSES.size() - 1));
      }
      String key = String.format(Locale.ROOT, "%s/%05d.png", folder, i);
      items.add(
          new LabelledImage(
              key,
              new GreyImageSource(key, images.data(), i * rows * cols, cols, rows),
              label,
              split,
              Optional.empty(),
              List.of()));
    }
  }

  private static Path require(Path root, String name) throws DatasetFormatException {
    return find(root, name)
        .orElseThrow(
            () -> new DatasetFormatException(root.resolve(name + ".gz"), "file not found"));
  }

  private static Optional<Path> find(Path root, String name) {
    for (String candidate : List.of(name + ".gz", name)) {
      if (Files.isRegularFile(root.resolve(candidate))) {
        return Optional.of(root.resolve(candidate));
      }
    }
    return Optional.empty();
  }
}
