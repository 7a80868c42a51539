package org.concepthash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FGVC-Aircraft 2013b (format {@code aircraft}), variant level. The root is {@code
 * fgvc-aircraft-2013b} or its {@code data} folder, which holds:
 *
 * <pre>
 * variants.txt                          one variant per line; class index = line order (100)
 * images_variant_{trainval,test}.txt    {image id} {variant, may contain spaces}
 * images_family_{trainval,test}.txt     {image id} {family}        -> class family ("Boeing 737")
 * images_manufacturer_{trainval,test}.txt  {image id} {manufacturer} -> class group (optional)
 * images_box.txt                        {image id} {xmin} {ymin} {xmax} {ymax}  (optional; 1-based,
 *                                       inclusive pixel corners, converted to a 0-based x, y, w, h)
 * images/{image id}.jpg
 * </pre>
 *
 * trainval is the train split (6667 database images), test the test split (3333 queries); items are
 * in file order, trainval first. Every image of a variant must name the same family and
 * manufacturer.
 */
public final class AircraftReader implements DatasetReader {

  public static final String FORMAT = "aircraft";

  private static final Map<String, Split> SPLIT_FILES =
      Map.of("trainval", Split.TRAIN, "test", Split.TEST);

  @Override
  public String format() {
    return FORMAT;
  }

  public static boolean matches(Path root) {
    return Files.isRegularFile(resolve(root).resolve("variants.txt"));
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    Path dir = resolve(root);
    List<String> variants = new ArrayList<>();
    Map<String, Integer> indexOf = new HashMap<>();
    for (TextLine line : TextLine.readAll(dir.resolve("variants.txt"))) {
      if (indexOf.putIfAbsent(line.text(), variants.size()) != null) {
        throw line.error("variant '" + line.text() + "' listed twice");
      }
      variants.add(line.text());
    }
    Map<String, BoundingBox> boxes = readBoxes(dir.resolve("images_box.txt"));
    String[] families = new String[variants.size()];
    String[] manufacturers = new String[variants.size()];
    List<LabelledImage> items = new ArrayList<>();
    for (String splitName : List.of("trainval", "test")) {
      Map<String, String> familyOf = perImage(dir.resolve("images_family_" + splitName + ".txt"));
      Path manufacturerFile = dir.resolve("images_manufacturer_" + splitName + ".txt");
      Map<String, String> manufacturerOf =
          Files.exists(manufacturerFile) ? perImage(manufacturerFile) : Map.of();
      for (TextLine line : TextLine.readAll(dir.resolve("images_variant_" + splitName + ".txt"))) {
        String[] f = line.fieldsAndRest(2);
        Integer index = indexOf.get(f[1]);
        if (index == null) {
          throw line.error("variant '" + f[1] + "' is not in variants.txt");
        }
        String family = familyOf.get(f[0]);
        if (family == null) {
          throw line.error("image " + f[0] + " has no line in images_family_" + splitName + ".txt");
        }
        families[index] = agree(line, families[index], family, "family");
        manufacturers[index] =
            agree(
                line,
                manufacturers[index],
                manufacturerOf.getOrDefault(f[0], family),
                "manufacturer");
        String key = "images/" + f[0] + ".jpg";
        Path file = line.image(dir, key);
        items.add(
            new LabelledImage(
                key,
                new FileImageSource(key, file),
                index,
                SPLIT_FILES.get(splitName),
                Optional.ofNullable(boxes.get(f[0])),
                List.of()));
      }
    }
    List<ClassInfo> classes = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      if (families[i] == null) {
        throw new DatasetFormatException(
            dir.resolve("variants.txt"),
            i + 1,
            "variant '" + variants.get(i) + "' has no images, so its family is unknown");
      }
      classes.add(
          new ClassInfo(
              variants.get(i), ClassNames.tidy(variants.get(i)), families[i], manufacturers[i]));
    }
    return new Dataset(FORMAT, classes, items);
  }

  private static String agree(TextLine line, String known, String found, String what)
      throws DatasetFormatException {
    if (known != null && !known.equals(found)) {
      throw line.error(
          "this variant's "
              + what
              + " was '"
              + known
              + "' on an earlier image, here '"
              + found
              + "'");
    }
    return found;
  }

  private static Map<String, String> perImage(Path file) throws DatasetFormatException {
    Map<String, String> values = new HashMap<>();
    for (TextLine line : TextLine.readAll(file)) {
      String[] f = line.fieldsAndRest(2);
      if (values.put(f[0], f[1]) != null) {
        throw line.error("image " + f[0] + " appears twice");
      }
    }
    return values;
  }

  private static Map<String, BoundingBox> readBoxes(Path file) throws DatasetFormatException {
    if (!Files.exists(file)) {
      return Map.of();
    }
    Map<String, BoundingBox> boxes = new HashMap<>();
    for (TextLine line : TextLine.readAll(file)) {
      String[] f = line.fields(5);
      double xmin = line.number(f[1], "xmin");
      double ymin = line.number(f[2], "ymin");
      double xmax = line.number(f[3], "xmax");
      double ymax = line.number(f[4], "ymax");
      if (xmax < xmin || ymax < ymin) {
        throw line.error("box corners are reversed");
      }
      if (boxes.put(f[0], new BoundingBox(xmin - 1, ymin - 1, xmax - xmin + 1, ymax - ymin + 1))
          != null) {
        throw line.error("image " + f[0] + " appears twice");
      }
    }
    return boxes;
  }

  private static Path resolve(Path root) {
    Path inner = root.resolve("data");
    return Files.isRegularFile(inner.resolve("variants.txt")) ? inner : root;
  }
}
