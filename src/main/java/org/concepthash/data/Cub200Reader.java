package org.concepthash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CUB-200-2011 (format {@code cub200}). The root is the {@code CUB_200_2011} folder or its parent.
 * Besides the per-image files of {@link BirdImageTable} it reads {@code classes.txt} ({@code {class
 * id} {name}}, e.g. "1 001.Black_footed_Albatross"); class index = position in classes.txt. Display
 * name: prefix dropped, underscores to spaces, lower case; family: its last word ("black footed
 * albatross" -> "albatross"). Split: train_test_split.txt (5994 train / 5794 test).
 */
public final class Cub200Reader implements DatasetReader {

  public static final String FORMAT = "cub200";

  @Override
  public String format() {
    return FORMAT;
  }

  /**
   * True if {@code root} (or its CUB_200_2011 sub-folder) has CUB's files and no NABirds hierarchy.
   */
  public static boolean matches(Path root) {
    Path dir = resolve(root);
    return Files.isRegularFile(dir.resolve("images.txt"))
        && Files.isRegularFile(dir.resolve("classes.txt"))
        && !Files.exists(dir.resolve("hierarchy.txt"));
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    Path dir = resolve(root);
    List<ClassInfo> classes = new ArrayList<>();
    Map<String, Integer> indexById = new HashMap<>();
    for (TextLine line : TextLine.readAll(dir.resolve("classes.txt"))) {
      String[] f = line.fieldsAndRest(2);
      if (indexById.putIfAbsent(f[0], classes.size()) != null) {
        throw line.error("class id " + f[0] + " listed twice");
      }
      String display = ClassNames.cub(f[1]);
      classes.add(new ClassInfo(f[1], display, ClassNames.lastWord(display)));
    }
    List<LabelledImage> items = new ArrayList<>();
    for (BirdImageTable.Row row : BirdImageTable.read(dir)) {
      Integer index = indexById.get(row.classId());
      if (index == null) {
        throw row.labelLine().error("class id " + row.classId() + " is not in classes.txt");
      }
      items.add(
          new LabelledImage(
              row.path(),
              new FileImageSource(row.path(), row.file()),
              index,
              row.split(),
              row.box(),
              row.keypoints()));
    }
    return new Dataset(FORMAT, classes, items);
  }

  private static Path resolve(Path root) {
    Path inner = root.resolve("CUB_200_2011");
    return Files.isDirectory(inner) ? inner : root;
  }
}
