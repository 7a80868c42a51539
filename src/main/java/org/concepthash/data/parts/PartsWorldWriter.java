package org.concepthash.data.parts;

import static org.concepthash.data.PartsWorldReader.ANNOTATIONS;
import static org.concepthash.data.PartsWorldReader.ANNOTATION_COLUMNS;
import static org.concepthash.data.PartsWorldReader.CLASSES;
import static org.concepthash.data.PartsWorldReader.CLASS_COLUMNS;
import static org.concepthash.data.PartsWorldReader.IMAGES;
import static org.concepthash.data.PartsWorldReader.MANIFEST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;
import org.concepthash.data.PartsWorldReader;

/**
 * Writes a parts-world data set in the layout {@link PartsWorldReader} documents. Every byte
 * written is a function of the config: the same config gives byte-identical files.
 */
public final class PartsWorldWriter {

  private PartsWorldWriter() {}

  /**
   * Generates and writes all images and annotation files into {@code out}, which must be missing or
   * empty. The manifest is written last, so an interrupted run is never mistaken for a data set.
   *
   * @param progress called with the number of images written so far (from worker threads)
   * @return the number of images written
   */
  public static int write(PartsWorldConfig config, Path out, IntConsumer progress)
      throws IOException {
    requireEmpty(out);
    PartsWorldGenerator generator = new PartsWorldGenerator(config);
    List<Species> species = generator.species();
    for (Species s : species) {
      Files.createDirectories(out.resolve(IMAGES).resolve(s.className()));
    }
    int perClass = config.perClass();
    AtomicInteger done = new AtomicInteger();
    String[] rows = new String[species.size() * perClass];
    try {
      IntStream.range(0, rows.length)
          .parallel()
          .forEach(
              n -> {
                int classIndex = n / perClass;
                int imageIndex = n % perClass;
                GeneratedImage image = generator.generate(classIndex, imageIndex);
                String path = imagePath(species.get(classIndex), imageIndex);
                try {
                  if (!ImageIO.write(image.image(), "png", out.resolve(path).toFile())) {
                    throw new IOException("no PNG writer available");
                  }
                } catch (IOException e) {
                  throw new UncheckedIOException("cannot write " + out.resolve(path), e);
                }
                String split = imageIndex < config.trainPerClass() ? "train" : "test";
                rows[n] = annotationRow(path, classIndex, split, image.box(), image.keypoints());
                progress.accept(done.incrementAndGet());
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writeLines(out.resolve(CLASSES), classRows(species));
    List<String> annotations = new ArrayList<>(rows.length + 1);
    annotations.add(annotationHeader());
    annotations.addAll(List.of(rows));
    writeLines(out.resolve(ANNOTATIONS), annotations);
    writeLists(out, species, config);
    writeLines(out.resolve(MANIFEST), manifest(config));
    return rows.length;
  }

  /** Relative path of an image, e.g. images/001.Red_headed_..._Finch/0001.png. */
  static String imagePath(Species species, int imageIndex) {
    return IMAGES
        + "/"
        + species.className()
        + "/"
        + String.format(Locale.ROOT, "%04d.png", imageIndex + 1);
  }

  private static void requireEmpty(Path out) throws IOException {
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        throw new IOException(out + " exists and is not a folder");
      }
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(out + " is not empty; choose a new folder");
        }
      }
    }
    Files.createDirectories(out);
  }

  private static List<String> classRows(List<Species> species) {
    List<String> rows = new ArrayList<>();
    rows.add(
        String.join(",", CLASS_COLUMNS)
            + ",head,wing,beak,body_colour,body_shape,body_pattern,tail,beak_length");
    for (Species s : species) {
      Family f = s.family();
      rows.add(
          String.join(
              ",",
              Integer.toString(s.index()),
              s.className(),
              s.displayName(),
              f.name(),
              s.head().word(),
              s.wing().word(),
              s.beak().word(),
              f.colour().word(),
              lower(f.body()),
              lower(f.pattern()),
              lower(f.tail()),
              f.longBeak() ? "long" : "short"));
    }
    return rows;
  }

  private static String annotationHeader() {
    StringBuilder header = new StringBuilder(String.join(",", ANNOTATION_COLUMNS));
    for (Part part : Part.values()) {
      header.append(',').append(part.key()).append("_x,").append(part.key()).append("_y");
    }
    return header.toString();
  }

  private static String annotationRow(
      String path, int classIndex, String split, BoundingBox box, List<Keypoint> keypoints) {
    StringBuilder row =
        new StringBuilder(path).append(',').append(classIndex).append(',').append(split);
    for (double v : new double[] {box.x(), box.y(), box.width(), box.height()}) {
      row.append(',').append(number(v));
    }
    for (Keypoint k : keypoints) {
      row.append(',').append(number(k.x())).append(',').append(number(k.y()));
    }
    return row.toString();
  }

  /** The list-file view of the same images (reference code format: "relative/path label"). */
  private static void writeLists(Path out, List<Species> species, PartsWorldConfig config)
      throws IOException {
    List<String> train = new ArrayList<>();
    List<String> test = new ArrayList<>();
    for (Species s : species) {
      for (int i = 0; i < config.perClass(); i++) {
        (i < config.trainPerClass() ? train : test).add(imagePath(s, i) + " " + s.index());
      }
    }
    writeLines(out.resolve("train.txt"), train);
    writeLines(out.resolve("test.txt"), test);
  }

  private static List<String> manifest(PartsWorldConfig config) {
    return List.of(
        "# parts world written by 'concepthash synth'; the same settings give byte-identical files",
        "format=" + PartsWorldReader.FORMAT,
        "version=" + PartsWorldReader.VERSION,
        "classes=" + config.classes(),
        "per_class=" + config.perClass(),
        "size=" + config.size(),
        "seed=" + config.seed(),
        "train_fraction=" + config.trainFraction());
  }

  private static void writeLines(Path file, List<String> lines) throws IOException {
    // explicit '\n' rather than Files.write's platform separator: same bytes on every OS
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
