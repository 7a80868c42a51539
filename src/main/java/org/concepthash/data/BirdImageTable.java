package org.concepthash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-image files CUB-200-2011 and NABirds share, joined on the image id:
 *
 * <pre>
 * images.txt              {id} {path under images/}
 * image_class_labels.txt  {id} {class id}
 * train_test_split.txt    {id} {1 = train, 0 = test}
 * bounding_boxes.txt      {id} {x} {y} {width} {height}        (optional; pixels)
 * parts/parts.txt         {part id} {part name, may contain spaces}   (optional, with part_locs.txt)
 * parts/part_locs.txt     {id} {part id} {x} {y} {visible 0/1}       (pixels; invisible ones dropped)
 * </pre>
 *
 * Rows keep the order of images.txt. Every image must have exactly one label and one split line;
 * ids that images.txt does not list are errors.
 */
final class BirdImageTable {

  /**
   * One image with its class id as written in the source (not yet a class index).
   *
   * @param path relative to the data set root ("images/001.Black_footed_Albatross/...jpg")
   * @param labelLine its line in image_class_labels.txt, for errors about the class id
   */
  record Row(
      String path,
      Path file,
      String classId,
      TextLine labelLine,
      Split split,
      Optional<BoundingBox> box,
      List<Keypoint> keypoints) {}

  private BirdImageTable() {}

  static List<Row> read(Path root) throws DatasetFormatException {
    Map<String, TextLine> images = new LinkedHashMap<>();
    Map<String, String> paths = new HashMap<>();
    for (TextLine line : TextLine.readAll(root.resolve("images.txt"))) {
      String[] f = line.fieldsAndRest(2);
      if (images.put(f[0], line) != null) {
        throw line.error("image id " + f[0] + " listed twice");
      }
      paths.put(f[0], f[1]);
    }
    Map<String, TextLine> labels =
        perImage(root.resolve("image_class_labels.txt"), images, 2, (line, f) -> line);
    Map<String, Split> splits =
        perImage(root.resolve("train_test_split.txt"), images, 2, BirdImageTable::split);
    Path boxFile = root.resolve("bounding_boxes.txt");
    Map<String, BoundingBox> boxes =
        Files.exists(boxFile) ? perImage(boxFile, images, 5, BirdImageTable::box) : Map.of();
    Map<String, List<Keypoint>> keypoints = readKeypoints(root.resolve("parts"), images);

    List<Row> rows = new ArrayList<>(images.size());
    for (Map.Entry<String, TextLine> image : images.entrySet()) {
      String id = image.getKey();
      TextLine line = image.getValue();
      requirePresent(labels, id, line, "image_class_labels.txt");
      requirePresent(splits, id, line, "train_test_split.txt");
      Path file = line.image(root.resolve("images"), paths.get(id));
      TextLine label = labels.get(id);
      rows.add(
          new Row(
              "images/" + paths.get(id),
              file,
              label.fields(2)[1],
              label,
              splits.get(id),
              Optional.ofNullable(boxes.get(id)),
              keypoints.getOrDefault(id, List.of())));
    }
    return rows;
  }

  /**
   * Turns the fields of one line into a value; throws with the line's position when they are bad.
   */
  private interface FieldPick<T> {
    T pick(TextLine line, String[] fields) throws DatasetFormatException;
  }

  /** A file with one line per image id: every id known, none twice. */
  private static <T> Map<String, T> perImage(
      Path file, Map<String, TextLine> images, int fields, FieldPick<T> pick)
      throws DatasetFormatException {
    Map<String, T> values = new HashMap<>();
    for (TextLine line : TextLine.readAll(file)) {
      String[] f = line.fields(fields);
      if (!images.containsKey(f[0])) {
        throw line.error("image id " + f[0] + " is not in images.txt");
      }
      if (values.put(f[0], pick.pick(line, f)) != null) {
        throw line.error("image id " + f[0] + " appears twice");
      }
    }
    return values;
  }

  private static void requirePresent(
      Map<String, ?> values, String id, TextLine imageLine, String fileName)
      throws DatasetFormatException {
    if (!values.containsKey(id)) {
      throw imageLine.error("image id " + id + " has no line in " + fileName);
    }
  }

  private static Split split(TextLine line, String[] f) throws DatasetFormatException {
    return switch (f[1]) {
      case "1" -> Split.TRAIN;
      case "0" -> Split.TEST;
      default -> throw line.error("split must be 1 (train) or 0 (test), not " + f[1]);
    };
  }

  private static BoundingBox box(TextLine line, String[] f) throws DatasetFormatException {
    BoundingBox box =
        new BoundingBox(
            line.number(f[1], "x"),
            line.number(f[2], "y"),
            line.number(f[3], "width"),
            line.number(f[4], "height"));
    if (box.width() <= 0 || box.height() <= 0) {
      throw line.error("box width and height must be positive");
    }
    return box;
  }

  private static Map<String, List<Keypoint>> readKeypoints(
      Path partsDir, Map<String, TextLine> images) throws DatasetFormatException {
    Path locs = partsDir.resolve("part_locs.txt");
    if (!Files.exists(locs)) {
      return Map.of();
    }
    Map<String, String> partNames = new HashMap<>();
    for (TextLine line : TextLine.readAll(partsDir.resolve("parts.txt"))) {
      String[] f = line.fieldsAndRest(2);
      if (partNames.put(f[0], f[1]) != null) {
        throw line.error("part id " + f[0] + " listed twice");
      }
    }
    Map<String, List<Keypoint>> keypoints = new HashMap<>();
    for (TextLine line : TextLine.readAll(locs)) {
      String[] f = line.fields(5);
      if (!images.containsKey(f[0])) {
        throw line.error("image id " + f[0] + " is not in images.txt");
      }
      String part = partNames.get(f[1]);
      if (part == null) {
        throw line.error("part id " + f[1] + " is not in parts.txt");
      }
      double x = line.number(f[2], "x");
      double y = line.number(f[3], "y");
      int visible = line.integer(f[4], "visible");
      if (visible != 0 && visible != 1) {
        throw line.error("visible must be 0 or 1, not " + visible);
      }
      if (visible == 1) {
        keypoints.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Keypoint(part, x, y));
      }
    }
    return keypoints;
  }
}
