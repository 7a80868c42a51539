package org.concepthash.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Struct;

/**
 * Tiny data sets in the exact on-disk layout of each original distribution (file names, field
 * order, id styles), written fresh by every test.
 */
final class Fixtures {

  private Fixtures() {}

  /**
   * CUB-200-2011 under {@code parent/CUB_200_2011}: 3 classes, 4 images; returns {@code parent}.
   */
  static Path cub(Path parent) throws IOException {
    Path root = parent.resolve("CUB_200_2011");
    lines(
        root.resolve("classes.txt"),
        "1 001.Black_footed_Albatross",
        "2 002.Laysan_Albatross",
        "3 004.Groove_billed_Ani");
    lines(
        root.resolve("images.txt"),
        "1 001.Black_footed_Albatross/Black_Footed_Albatross_0001_796111.jpg",
        "2 001.Black_footed_Albatross/Black_Footed_Albatross_0002_55.jpg",
        "3 002.Laysan_Albatross/Laysan_Albatross_0001_545.jpg",
        "4 004.Groove_billed_Ani/Groove_Billed_Ani_0005_1750.jpg");
    lines(root.resolve("image_class_labels.txt"), "1 1", "2 1", "3 2", "4 3");
    lines(root.resolve("train_test_split.txt"), "1 1", "2 0", "3 1", "4 0");
    lines(
        root.resolve("bounding_boxes.txt"),
        "1 60.0 27.0 325.0 304.0",
        "2 139.0 30.0 153.0 264.0",
        "3 14.0 112.0 388.0 186.0",
        "4 112.0 90.0 255.0 242.0");
    lines(root.resolve("parts/parts.txt"), "1 back", "2 beak", "3 left eye");
    lines(
        root.resolve("parts/part_locs.txt"),
        "1 1 312.0 182.0 1",
        "1 2 0.0 0.0 0",
        "1 3 100.0 50.5 1",
        "2 1 0.0 0.0 0",
        "2 2 215.0 72.0 1",
        "2 3 0.0 0.0 0",
        "3 1 0.0 0.0 0",
        "3 2 0.0 0.0 0",
        "3 3 0.0 0.0 0",
        "4 1 200.0 100.0 1",
        "4 2 300.0 110.0 1",
        "4 3 280.0 105.0 1");
    for (String path :
        List.of(
            "001.Black_footed_Albatross/Black_Footed_Albatross_0001_796111.jpg",
            "001.Black_footed_Albatross/Black_Footed_Albatross_0002_55.jpg",
            "002.Laysan_Albatross/Laysan_Albatross_0001_545.jpg",
            "004.Groove_billed_Ani/Groove_Billed_Ani_0005_1750.jpg")) {
      jpeg(root.resolve("images").resolve(path));
    }
    return parent;
  }

  /**
   * NABirds under {@code parent/nabirds}: a taxonomy with species nodes above sub-category leaves
   * (House Finch), a species leaf (Oak Titmouse), a leaf straight under a family (the teal) and an
   * unused leaf; 5 images; returns {@code parent}.
   */
  static Path nabirds(Path parent) throws IOException {
    Path root = parent.resolve("nabirds");
    lines(
        root.resolve("classes.txt"),
        "0 Birds",
        "1 Perching Birds",
        "2 Finches, Euphonias, and Allies",
        "3 House Finch",
        "4 House Finch (Adult Male)",
        "5 House Finch (Female/immature)",
        "6 Chickadees and Titmice",
        "7 Oak Titmouse",
        "8 Ducks, Geese, and Swans",
        "9 Ducks",
        "10 Blue-winged Teal  (Male)",
        "11 Mallard");
    lines(
        root.resolve("hierarchy.txt"),
        "1 0",
        "2 1",
        "3 2",
        "4 3",
        "5 3",
        "6 1",
        "7 6",
        "8 0",
        "9 8",
        "10 9",
        "11 9");
    String[] ids = {
      "0000139e-21dc-4d0c-bfe1-4cae3c85c829", "0000d9fc-4e02-4c06-a0af-a55cfb16b12b",
      "00019306-9d83-4334-b255-a447742edce3", "0001afd4-99a1-4a67-b940-d419413e23b3",
      "000332b8-997c-4540-9647-2f0a8495aecf"
    };
    int[] labels = {10, 4, 7, 5, 4};
    String[] images = new String[ids.length];
    String[] labelLines = new String[ids.length];
    String[] splitLines = new String[ids.length];
    String[] boxLines = new String[ids.length];
    for (int i = 0; i < ids.length; i++) {
      String file = String.format("%04d/%s.jpg", labels[i], ids[i].replace("-", ""));
      images[i] = ids[i] + " " + file;
      labelLines[i] = ids[i] + " " + labels[i];
      splitLines[i] = ids[i] + " " + (i % 2 == 0 ? 1 : 0);
      boxLines[i] = ids[i] + " " + (10 + i) + " 20 100 80";
      jpeg(root.resolve("images").resolve(file));
    }
    lines(root.resolve("images.txt"), images);
    lines(root.resolve("image_class_labels.txt"), labelLines);
    lines(root.resolve("train_test_split.txt"), splitLines);
    lines(root.resolve("bounding_boxes.txt"), boxLines);
    lines(root.resolve("parts/parts.txt"), "0 bill", "1 crown");
    lines(root.resolve("parts/part_locs.txt"), ids[1] + " 0 55 66 1", ids[1] + " 1 0 0 0");
    return parent;
  }

  /** FGVC-Aircraft 2013b: {@code parent/fgvc-aircraft-2013b/data/...}; returns the 2013b folder. */
  static Path aircraft(Path parent) throws IOException {
    Path top = parent.resolve("fgvc-aircraft-2013b");
    Path data = top.resolve("data");
    lines(data.resolve("variants.txt"), "707-320", "A300B4", "Cessna 172");
    lines(data.resolve("families.txt"), "Boeing 707", "A300", "Cessna 172");
    lines(data.resolve("manufacturers.txt"), "Boeing", "Airbus", "Cessna");
    lines(
        data.resolve("images_variant_trainval.txt"),
        "1025794 707-320",
        "1340192 A300B4",
        "0056978 Cessna 172");
    lines(
        data.resolve("images_family_trainval.txt"),
        "1025794 Boeing 707",
        "1340192 A300",
        "0056978 Cessna 172");
    lines(
        data.resolve("images_manufacturer_trainval.txt"),
        "1025794 Boeing",
        "1340192 Airbus",
        "0056978 Cessna");
    lines(data.resolve("images_variant_test.txt"), "1514522 707-320", "2232187 Cessna 172");
    lines(data.resolve("images_family_test.txt"), "1514522 Boeing 707", "2232187 Cessna 172");
    lines(data.resolve("images_manufacturer_test.txt"), "1514522 Boeing", "2232187 Cessna");
    lines(
        data.resolve("images_box.txt"),
        "1025794 3 144 998 431",
        "1340192 1 1 100 50",
        "0056978 5 6 7 8",
        "1514522 10 20 30 40",
        "2232187 2 2 9 9");
    for (String id : List.of("1025794", "1340192", "0056978", "1514522", "2232187")) {
      jpeg(data.resolve("images").resolve(id + ".jpg"));
    }
    return top;
  }

  /**
   * Stanford Cars: devkit/cars_meta.mat, devkit/cars_train_annos.mat and the test labels file in
   * the root, written as MATLAB v5 files; 4 classes, 3 train and 2 test images; returns the root.
   */
  static Path cars(Path root) throws IOException {
    String[] names = {
      "AM General Hummer SUV 2000",
      "Aston Martin V8 Vantage Convertible 2012",
      "Acura RL Sedan 2012",
      "Land Rover Range Rover SUV 2012"
    };
    Cell classNames = Mat5.newCell(1, names.length);
    for (int i = 0; i < names.length; i++) {
      classNames.set(i, Mat5.newString(names[i]));
    }
    Files.createDirectories(root.resolve("devkit"));
    Mat5.writeToFile(
        Mat5.newMatFile().addArray("class_names", classNames),
        root.resolve("devkit/cars_meta.mat").toFile());
    carAnnotations(
        root.resolve("devkit/cars_train_annos.mat"),
        root.resolve("cars_train"),
        new String[] {"00001.jpg", "00002.jpg", "00003.jpg"},
        new int[] {1, 2, 4},
        new int[][] {{39, 116, 569, 375}, {36, 116, 868, 587}, {85, 109, 601, 381}});
    carAnnotations(
        root.resolve("cars_test_annos_withlabels.mat"),
        root.resolve("cars_test"),
        new String[] {"00001.jpg", "00002.jpg"},
        new int[] {3, 1},
        new int[][] {{30, 52, 246, 147}, {100, 19, 576, 203}});
    return root;
  }

  static void carAnnotations(
      Path matFile, Path imageDir, String[] fnames, int[] classes, int[][] boxes)
      throws IOException {
    Struct annotations = Mat5.newStruct(1, fnames.length);
    String[] fields = {"bbox_x1", "bbox_y1", "bbox_x2", "bbox_y2"};
    for (int i = 0; i < fnames.length; i++) {
      for (int f = 0; f < fields.length; f++) {
        annotations.set(fields[f], i, scalar(MatlabType.UInt16, boxes[i][f]));
      }
      annotations.set("class", i, scalar(MatlabType.UInt8, classes[i]));
      annotations.set("fname", i, Mat5.newString(fnames[i]));
      jpeg(imageDir.resolve(fnames[i]));
    }
    Mat5.writeToFile(Mat5.newMatFile().addArray("annotations", annotations), matFile.toFile());
  }

  private static Matrix scalar(MatlabType type, int value) {
    Matrix m = Mat5.newMatrix(1, 1, type);
    m.setInt(0, value);
    return m;
  }

  /**
   * Fashion-MNIST IDX files, gzip-compressed as distributed: 3 train and 2 test images of 28 x 28,
   * pixel value of image i at (x, y) = (i * 40 + x + y) mod 256; labels 9, 0, 3 / 5, 8.
   */
  static Path fashionMnist(Path root) throws IOException {
    idx(root.resolve("train-images-idx3-ubyte.gz"), 0x803, new int[] {3, 28, 28}, images(3));
    idx(root.resolve("train-labels-idx1-ubyte.gz"), 0x801, new int[] {3}, new byte[] {9, 0, 3});
    idx(root.resolve("t10k-images-idx3-ubyte.gz"), 0x803, new int[] {2, 28, 28}, images(2));
    idx(root.resolve("t10k-labels-idx1-ubyte.gz"), 0x801, new int[] {2}, new byte[] {5, 8});
    return root;
  }

  static int pixel(int image, int x, int y) {
    return (image * 40 + x + y) % 256;
  }

  private static byte[] images(int count) {
    byte[] data = new byte[count * 28 * 28];
    for (int i = 0; i < count; i++) {
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          data[i * 784 + y * 28 + x] = (byte) pixel(i, x, y);
        }
      }
    }
    return data;
  }

  static void idx(Path file, int magic, int[] dims, byte[] data) throws IOException {
    Files.createDirectories(file.getParent());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(magic);
      for (int d : dims) {
        out.writeInt(d);
      }
      out.write(data);
    }
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes.toByteArray());
    }
  }

  static void lines(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  /** A real (tiny) JPEG, so the files are what the readers will meet. */
  static void jpeg(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "jpg", file.toFile());
  }
}
