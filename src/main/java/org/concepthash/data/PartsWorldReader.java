package org.concepthash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a data set written by {@code synth} (format {@code parts}).
 *
 * <p>Layout of the root folder:
 *
 * <pre>
 * parts-world.txt    manifest, "key=value" lines: format=parts, version=1, classes, per_class, size,
 *                    seed, train_fraction (written last: its presence means the set is complete)
 * classes.csv        header index,name,display_name,family,... then one row per class, index 0..C-1
 *                    (extra columns describe the part attributes and are not needed to read)
 * annotations.csv    header path,class_index,split,box_x,box_y,box_w,box_h,{part}_x,{part}_y...
 *                    one row per image; split is train or test; box and keypoints in continuous pixel
 *                    coordinates (pixel (i, j) covers [i, i+1) x [j, j+1)); one keypoint per part
 * images/{class name}/{NNNN}.png
 * train.txt, test.txt  the same images as "relative/path label" lists (the reference code's format)
 * </pre>
 */
public final class PartsWorldReader implements DatasetReader {

  public static final String FORMAT = "parts";
  public static final String MANIFEST = "parts-world.txt";
  public static final String CLASSES = "classes.csv";
  public static final String ANNOTATIONS = "annotations.csv";
  public static final String IMAGES = "images";
  public static final int VERSION = 1;

  /** Columns every classes.csv starts with. */
  public static final List<String> CLASS_COLUMNS =
      List.of("index", "name", "display_name", "family");

  /** Columns every annotations.csv starts with; keypoint column pairs follow. */
  public static final List<String> ANNOTATION_COLUMNS =
      List.of("path", "class_index", "split", "box_x", "box_y", "box_w", "box_h");

  @Override
  public String format() {
    return FORMAT;
  }

  /** True if {@code root} looks like a parts-world folder (used for format detection). */
  public static boolean matches(Path root) {
    return Files.isRegularFile(root.resolve(MANIFEST));
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    checkManifest(root.resolve(MANIFEST));
    List<ClassInfo> classes = readClasses(root.resolve(CLASSES));
    List<LabelledImage> items = readAnnotations(root, root.resolve(ANNOTATIONS), classes.size());
    return new Dataset(FORMAT, classes, items);
  }

  private static void checkManifest(Path file) throws DatasetFormatException {
    List<TextLine> lines = TextLine.readAll(file);
    boolean format = false;
    for (TextLine line : lines) {
      if (line.text().equals("format=" + FORMAT)) {
        format = true;
      } else if (line.text().startsWith("version=") && !line.text().equals("version=" + VERSION)) {
        throw line.error(
            "unsupported parts-world version (this reader reads version " + VERSION + ")");
      }
    }
    if (!format) {
      throw new DatasetFormatException(
          file, "not a parts-world manifest (no line format=" + FORMAT + ")");
    }
  }

  private static List<ClassInfo> readClasses(Path file) throws DatasetFormatException {
    List<TextLine> lines = TextLine.readAll(file);
    int columns = header(file, lines, CLASS_COLUMNS).length;
    List<ClassInfo> classes = new ArrayList<>();
    for (TextLine line : lines.subList(1, lines.size())) {
      String[] f = line.csv(columns);
      int index = line.integer(f[0], "class index");
      if (index != classes.size()) {
        throw line.error("class index " + index + " out of order, expected " + classes.size());
      }
      classes.add(new ClassInfo(f[1], f[2], f[3]));
    }
    if (classes.isEmpty()) {
      throw new DatasetFormatException(file, "no classes");
    }
    return classes;
  }

  private static List<LabelledImage> readAnnotations(Path root, Path file, int classCount)
      throws DatasetFormatException {
    List<TextLine> lines = TextLine.readAll(file);
    String[] header = header(file, lines, ANNOTATION_COLUMNS);
    List<String> parts = keypointParts(file, header);
    List<LabelledImage> items = new ArrayList<>();
    for (TextLine line : lines.subList(1, lines.size())) {
      String[] f = line.csv(header.length);
      Path image = line.image(root, f[0]);
      int label = line.integer(f[1], "class_index");
      if (label < 0 || label >= classCount) {
        throw line.error("class_index " + label + " out of range 0.." + (classCount - 1));
      }
      Split split = parseSplit(line, f[2]);
      BoundingBox box =
          new BoundingBox(
              line.number(f[3], "box_x"), line.number(f[4], "box_y"),
              line.number(f[5], "box_w"), line.number(f[6], "box_h"));
      List<Keypoint> keypoints = new ArrayList<>(parts.size());
      for (int p = 0; p < parts.size(); p++) {
        int column = ANNOTATION_COLUMNS.size() + 2 * p;
        String part = parts.get(p);
        keypoints.add(
            new Keypoint(
                part,
                line.number(f[column], part + "_x"),
                line.number(f[column + 1], part + "_y")));
      }
      items.add(
          new LabelledImage(
              f[0], new FileImageSource(f[0], image), label, split, Optional.of(box), keypoints));
    }
    return items;
  }

  private static Split parseSplit(TextLine line, String value) throws DatasetFormatException {
    try {
      return Split.parse(value);
    } catch (IllegalArgumentException e) {
      throw line.error(e.getMessage());
    }
  }

  private static String[] header(Path file, List<TextLine> lines, List<String> required)
      throws DatasetFormatException {
    if (lines.isEmpty()) {
      throw new DatasetFormatException(file, "empty file, expected a header line");
    }
    String[] header = lines.get(0).text().split(",", -1);
    if (header.length < required.size()
        || !List.of(header).subList(0, required.size()).equals(required)) {
      throw lines.get(0).error("header must start with " + String.join(",", required));
    }
    return header;
  }

  /** "tail_x,tail_y,body_x,body_y" -> [tail, body]. */
  private static List<String> keypointParts(Path file, String[] header)
      throws DatasetFormatException {
    List<String> parts = new ArrayList<>();
    int first = ANNOTATION_COLUMNS.size();
    if ((header.length - first) % 2 != 0) {
      throw new DatasetFormatException(
          file, 1, "keypoint columns must come in {part}_x,{part}_y pairs");
    }
    for (int c = first; c < header.length; c += 2) {
      String x = header[c];
      String part = x.endsWith("_x") ? x.substring(0, x.length() - 2) : "";
      if (part.isEmpty() || !header[c + 1].equals(part + "_y")) {
        throw new DatasetFormatException(
            file,
            1,
            "keypoint columns must come in {part}_x,{part}_y pairs, found "
                + x
                + ","
                + header[c + 1]);
      }
      parts.add(part);
    }
    return parts;
  }
}
