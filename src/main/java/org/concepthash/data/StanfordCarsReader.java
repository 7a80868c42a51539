package org.concepthash.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Struct;

/**
 * Stanford Cars (format {@code cars}); annotation files are MATLAB v5 .mat files, read with the MFL
 * library:
 *
 * <pre>
 * devkit/cars_meta.mat          class_names: 1 x 196 cell of strings; class index = cell position
 * devkit/cars_train_annos.mat   annotations: 1 x N struct, fields bbox_x1, bbox_y1, bbox_x2, bbox_y2,
 *                               class (1-based), fname                    -> train split, cars_train/
 * cars_test_annos_withlabels.mat  same fields (in the root or devkit/)    -> test split, cars_test/
 * </pre>
 *
 * Boxes are 1-based inclusive pixel corners, converted to a 0-based x, y, w, h. Family: the make at
 * the start of the class name ("Aston Martin", "Land Rover", "AM General" are two words). 8144 /
 * 8041.
 */
public final class StanfordCarsReader implements DatasetReader {

  public static final String FORMAT = "cars";
  static final String TEST_ANNOTATIONS = "cars_test_annos_withlabels.mat";

  @Override
  public String format() {
    return FORMAT;
  }

  public static boolean matches(Path root) {
    return Files.isRegularFile(root.resolve("devkit").resolve("cars_meta.mat"));
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    List<ClassInfo> classes = readClasses(root.resolve("devkit").resolve("cars_meta.mat"));
    Path testFile = root.resolve(TEST_ANNOTATIONS);
    if (!Files.exists(testFile)) {
      testFile = root.resolve("devkit").resolve(TEST_ANNOTATIONS);
    }
    List<LabelledImage> items = new ArrayList<>();
    readAnnotations(
        root.resolve("devkit").resolve("cars_train_annos.mat"),
        root,
        "cars_train",
        Split.TRAIN,
        classes.size(),
        items);
    readAnnotations(testFile, root, "cars_test", Split.TEST, classes.size(), items);
    return new Dataset(FORMAT, classes, items);
  }

  private static List<ClassInfo> readClasses(Path file) throws DatasetFormatException {
    try (MatFile mat = open(file)) {
      Cell names = mat.getCell("class_names");
      List<ClassInfo> classes = new ArrayList<>(names.getNumElements());
      for (int i = 0; i < names.getNumElements(); i++) {
        String name = names.getChar(i).getString().trim();
        if (name.isEmpty()) {
          throw new DatasetFormatException(file, "class_names entry " + (i + 1) + " is empty");
        }
        classes.add(new ClassInfo(name, ClassNames.tidy(name), ClassNames.carMake(name)));
      }
      if (classes.isEmpty()) {
        throw new DatasetFormatException(file, "class_names is empty");
      }
      return classes;
    } catch (DatasetFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DatasetFormatException(
          file, "expected a cell array 'class_names': " + e.getMessage(), e);
    }
  }

  private static void readAnnotations(
      Path file, Path root, String imageDir, Split split, int classCount, List<LabelledImage> items)
      throws DatasetFormatException {
    try (MatFile mat = open(file)) {
      Struct annotations = mat.getStruct("annotations");
      for (int i = 0; i < annotations.getNumElements(); i++) {
        String entry = "annotation " + (i + 1) + ": ";
        String fname = annotations.getChar("fname", i).getString().trim();
        int label = annotations.getMatrix("class", i).getInt(0);
        if (label < 1 || label > classCount) {
          throw new DatasetFormatException(
              file, entry + "class " + label + " out of range 1.." + classCount);
        }
        double x1 = annotations.getMatrix("bbox_x1", i).getDouble(0);
        double y1 = annotations.getMatrix("bbox_y1", i).getDouble(0);
        double x2 = annotations.getMatrix("bbox_x2", i).getDouble(0);
        double y2 = annotations.getMatrix("bbox_y2", i).getDouble(0);
        if (x2 < x1 || y2 < y1) {
          throw new DatasetFormatException(file, entry + "box corners are reversed");
        }
        String key = imageDir + "/" + fname;
        Path image = root.resolve(imageDir).resolve(fname).normalize();
        if (!image.startsWith(root.resolve(imageDir).normalize()) || !Files.isRegularFile(image)) {
          throw new DatasetFormatException(file, entry + "image file not found: " + image);
        }
        items.add(
            new LabelledImage(
                key,
                new FileImageSource(key, image),
                label - 1,
                split,
                Optional.of(new BoundingBox(x1 - 1, y1 - 1, x2 - x1 + 1, y2 - y1 + 1)),
                List.of()));
      }
    } catch (DatasetFormatException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DatasetFormatException(
          file,
          "expected a struct array 'annotations' with fields fname, class, bbox_x1..bbox_y2: "
              + e.getMessage(),
          e);
    }
  }

  private static MatFile open(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new DatasetFormatException(file, "file not found");
    }
    return Mat5.readFromFile(file.toFile());
  }
}
