package org.concepthash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * List files as the ConceptHash reference code writes them (format {@code list}): in the root,
 * {@code database.txt} (or, without it, {@code train.txt}) is the train split and {@code test.txt}
 * the test split; each line is {@code {relative/path} {label}} with a 0-based integer label (the
 * path may contain spaces: the label is the last field). An optional {@code class_names.txt} gives
 * one class name per line in label order; without it classes are named "class 0", "class 1", ...
 *
 * <p>Paths are relative to the root, or to the nearest ancestor (up to three levels) where the
 * first listed image exists: the reference code writes paths like {@code
 * data/cub200_2011/CUB_200_2011/...} relative to its repository root while the lists live in {@code
 * data/cub200_2011/}. The source has no families: each class is its own family.
 */
public final class ListFileReader implements DatasetReader {

  public static final String FORMAT = "list";
  private static final int MAX_ANCESTORS = 3;

  @Override
  public String format() {
    return FORMAT;
  }

  public static boolean matches(Path root) {
    return trainFile(root).isPresent() || Files.isRegularFile(root.resolve("test.txt"));
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    List<List<TextLine>> lists = new ArrayList<>();
    List<Split> splits = new ArrayList<>();
    Optional<Path> train = trainFile(root);
    if (train.isPresent()) {
      lists.add(TextLine.readAll(train.get()));
      splits.add(Split.TRAIN);
    }
    if (Files.isRegularFile(root.resolve("test.txt"))) {
      lists.add(TextLine.readAll(root.resolve("test.txt")));
      splits.add(Split.TEST);
    }
    if (lists.stream().allMatch(List::isEmpty)) {
      throw new DatasetFormatException(root, "no database.txt, train.txt or test.txt with entries");
    }
    Optional<List<String>> names = classNames(root.resolve("class_names.txt"));
    Path base =
        base(root, lists.stream().filter(l -> !l.isEmpty()).findFirst().orElseThrow().get(0));

    List<LabelledImage> items = new ArrayList<>();
    int maxLabel = -1;
    for (int s = 0; s < lists.size(); s++) {
      for (TextLine line : lists.get(s)) {
        String[] entry = pathAndLabel(line);
        String path = entry[0];
        int label = line.integer(entry[1], "label");
        if (label < 0 || (names.isPresent() && label >= names.get().size())) {
          throw line.error(
              "label "
                  + label
                  + " out of range"
                  + names.map(n -> " 0.." + (n.size() - 1)).orElse(""));
        }
        maxLabel = Math.max(maxLabel, label);
        Path file = line.image(base, path);
        items.add(
            new LabelledImage(
                path,
                new FileImageSource(path, file),
                label,
                splits.get(s),
                Optional.empty(),
                List.of()));
      }
    }
    List<String> classNames = names.orElse(null);
    if (classNames == null) {
      classNames = new ArrayList<>();
      for (int i = 0; i <= maxLabel; i++) {
        classNames.add("class " + i);
      }
    }
    List<ClassInfo> classes =
        classNames.stream()
            .map(n -> new ClassInfo(n, ClassNames.tidy(n), ClassNames.tidy(n)))
            .toList();
    return new Dataset(FORMAT, classes, items);
  }

  /**
   * {path, label}: the label is the last white-space separated field, the path everything before.
   */
  private static String[] pathAndLabel(TextLine line) throws DatasetFormatException {
    String text = line.text();
    int cut = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\t'));
    if (cut <= 0) {
      throw line.error("expected '{relative/path} {label}'");
    }
    return new String[] {text.substring(0, cut).strip(), text.substring(cut + 1)};
  }

  private static Optional<Path> trainFile(Path root) {
    for (String name : List.of("database.txt", "train.txt")) {
      if (Files.isRegularFile(root.resolve(name))) {
        return Optional.of(root.resolve(name));
      }
    }
    return Optional.empty();
  }

  private static Optional<List<String>> classNames(Path file) throws DatasetFormatException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(TextLine.readAll(file).stream().map(TextLine::text).toList());
  }

  /** The folder the listed paths are relative to, judged by the first entry. */
  private static Path base(Path root, TextLine first) throws DatasetFormatException {
    String path = pathAndLabel(first)[0];
    Path candidate = root.toAbsolutePath().normalize();
    for (int up = 0;
        up <= MAX_ANCESTORS && candidate != null;
        up++, candidate = candidate.getParent()) {
      if (Files.isRegularFile(candidate.resolve(path))) {
        return candidate;
      }
    }
    throw first.error(
        "image file not found relative to "
            + root
            + " or its "
            + MAX_ANCESTORS
            + " parent folders: "
            + path);
  }
}
