package org.concepthash.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One sub-folder per class (format {@code imagefolder}): {@code root/{class}/{image}}, all split
 * {@link Split#UNSPECIFIED}; or, when the root holds {@code train/} and {@code test/} folders,
 * {@code root/train/{class}/...} and {@code root/test/{class}/...} with those splits. Image files
 * are recognised by extension (jpg, jpeg, png, bmp, gif, webp); hidden entries are skipped. Classes
 * are ordered by folder name, images by file name (train before test). The source has no families:
 * each class is its own family.
 */
public final class ImageFolderReader implements DatasetReader {

  public static final String FORMAT = "imagefolder";
  private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "webp");

  @Override
  public String format() {
    return FORMAT;
  }

  /** True if the root has at least one visible sub-folder (the weakest signal: detected last). */
  public static boolean matches(Path root) {
    try {
      return !subfolders(root).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    try {
      boolean splitFolders =
          Files.isDirectory(root.resolve("train")) && Files.isDirectory(root.resolve("test"));
      List<Path> splitRoots =
          splitFolders ? List.of(root.resolve("train"), root.resolve("test")) : List.of(root);
      TreeSet<String> names = new TreeSet<>();
      for (Path splitRoot : splitRoots) {
        names.addAll(subfolders(splitRoot));
      }
      if (names.isEmpty()) {
        throw new DatasetFormatException(root, "no class sub-folders");
      }
      List<String> classNames = List.copyOf(names);
      List<LabelledImage> items = new ArrayList<>();
      for (Path splitRoot : splitRoots) {
        Split split =
            !splitFolders
                ? Split.UNSPECIFIED
                : splitRoot.endsWith("train") ? Split.TRAIN : Split.TEST;
        for (int c = 0; c < classNames.size(); c++) {
          Path classDir = splitRoot.resolve(classNames.get(c));
          for (Path image : images(classDir)) {
            String key = root.relativize(image).toString().replace('\\', '/');
            items.add(
                new LabelledImage(
                    key, new FileImageSource(key, image), c, split, Optional.empty(), List.of()));
          }
        }
      }
      if (items.isEmpty()) {
        throw new DatasetFormatException(
            root,
            "no image files ("
                + String.join(", ", new TreeSet<>(EXTENSIONS))
                + ") in the class folders");
      }
      List<ClassInfo> classes =
          classNames.stream()
              .map(n -> new ClassInfo(n, ClassNames.tidy(n), ClassNames.tidy(n)))
              .toList();
      return new Dataset(FORMAT, classes, items);
    } catch (DatasetFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new DatasetFormatException(root, "cannot list folder: " + e.getMessage(), e);
    }
  }

  private static List<String> subfolders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static List<Path> images(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .filter(Files::isRegularFile)
          .filter(ImageFolderReader::isImage)
          .sorted()
          .toList();
    }
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return !name.startsWith(".")
        && dot > 0
        && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }
}
