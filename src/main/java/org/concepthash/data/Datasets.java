package org.concepthash.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Entry point for reading any supported data set: {@code Datasets.read(root, Optional.empty())}
 * detects the format from the folder layout, {@code Datasets.read(root, Optional.of("cub200"))}
 * forces one. Format names: cub200, nabirds, aircraft, cars, fashion-mnist, parts, list,
 * imagefolder.
 */
public final class Datasets {

  /** Formats in detection order: most specific layout first, the bare image folder last. */
  private static final Map<String, Format> FORMATS = new LinkedHashMap<>();

  private record Format(DatasetReader reader, Predicate<Path> matches) {}

  static {
    register(new PartsWorldReader(), PartsWorldReader::matches);
    register(new NabirdsReader(), NabirdsReader::matches);
    register(new Cub200Reader(), Cub200Reader::matches);
    register(new AircraftReader(), AircraftReader::matches);
    register(new StanfordCarsReader(), StanfordCarsReader::matches);
    register(new FashionMnistReader(), FashionMnistReader::matches);
    register(new ListFileReader(), ListFileReader::matches);
    register(new ImageFolderReader(), ImageFolderReader::matches);
  }

  private Datasets() {}

  private static void register(DatasetReader reader, Predicate<Path> matches) {
    FORMATS.put(reader.format(), new Format(reader, matches));
  }

  /** All format names, in detection order. */
  public static List<String> formats() {
    return List.copyOf(FORMATS.keySet());
  }

  /** The reader of a format; unknown names are an error that lists the known ones. */
  public static DatasetReader reader(String format) {
    Format f = FORMATS.get(format);
    if (f == null) {
      throw new IllegalArgumentException(
          "unknown data set format '" + format + "'; known: " + String.join(", ", formats()));
    }
    return f.reader();
  }

  /** The first format whose layout {@code root} has, if any. */
  public static Optional<String> detect(Path root) {
    return FORMATS.values().stream()
        .filter(f -> f.matches().test(root))
        .map(f -> f.reader().format())
        .findFirst();
  }

  /**
   * Reads the data set at {@code root} (a folder) in the given format, or the detected one.
   *
   * @throws DatasetFormatException if the folder is missing, the format cannot be detected or the
   *     files are malformed (the message names the file and line)
   */
  public static Dataset read(Path root, Optional<String> format) throws IOException {
    if (!Files.isDirectory(root)) {
      throw new DatasetFormatException(root, "not a folder");
    }
    String name =
        format
            .or(() -> detect(root))
            .orElseThrow(
                () ->
                    new DatasetFormatException(
                        root,
                        "cannot tell the data set format from the layout; name one of: "
                            + String.join(", ", formats())));
    return reader(name).read(root);
  }
}
