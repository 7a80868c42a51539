package org.concepthash.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * NABirds (format {@code nabirds}). The root is the {@code nabirds} folder or its parent. Besides
 * the per-image files of {@link BirdImageTable} it reads {@code classes.txt} ({@code {id} {name}},
 * every node of the taxonomy) and {@code hierarchy.txt} ({@code {child id} {parent id}}).
 *
 * <p>Classes are the ids images are labelled with (555 leaves), ordered by numeric id. Display
 * name: the name with underscores and repeated spaces tidied, case kept. Family: walking up
 * hierarchy.txt, the first ancestor that is not the leaf's own species (a leaf "House Finch (Adult
 * Male)" sits under the species node "House Finch", which is skipped because the leaf name starts
 * with it). Group: the ancestor just below the root ("Perching Birds"). Split: train_test_split.txt
 * (23929 / 24633).
 */
public final class NabirdsReader implements DatasetReader {

  public static final String FORMAT = "nabirds";

  @Override
  public String format() {
    return FORMAT;
  }

  public static boolean matches(Path root) {
    Path dir = resolve(root);
    return Files.isRegularFile(dir.resolve("images.txt"))
        && Files.isRegularFile(dir.resolve("hierarchy.txt"));
  }

  @Override
  public Dataset read(Path root) throws DatasetFormatException {
    Path dir = resolve(root);
    Map<Integer, String> names = new HashMap<>();
    for (TextLine line : TextLine.readAll(dir.resolve("classes.txt"))) {
      String[] f = line.fieldsAndRest(2);
      if (names.put(line.integer(f[0], "class id"), f[1]) != null) {
        throw line.error("class id " + f[0] + " listed twice");
      }
    }
    Map<Integer, Integer> parents = readHierarchy(dir.resolve("hierarchy.txt"), names);
    List<BirdImageTable.Row> rows = BirdImageTable.read(dir);

    TreeMap<Integer, Integer> used = new TreeMap<>();
    List<Integer> labelOfRow = new ArrayList<>(rows.size());
    for (BirdImageTable.Row row : rows) {
      int id = row.labelLine().integer(row.classId(), "class id");
      if (!names.containsKey(id)) {
        throw row.labelLine().error("class id " + id + " is not in classes.txt");
      }
      used.put(id, 0);
      labelOfRow.add(id);
    }
    List<ClassInfo> classes = new ArrayList<>();
    for (Map.Entry<Integer, Integer> entry : used.entrySet()) {
      entry.setValue(classes.size());
      classes.add(classInfo(entry.getKey(), names, parents, dir.resolve("hierarchy.txt")));
    }
    List<LabelledImage> items = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      BirdImageTable.Row row = rows.get(i);
      items.add(
          new LabelledImage(
              row.path(),
              new FileImageSource(row.path(), row.file()),
              used.get(labelOfRow.get(i)),
              row.split(),
              row.box(),
              row.keypoints()));
    }
    return new Dataset(FORMAT, classes, items);
  }

  private static Map<Integer, Integer> readHierarchy(Path file, Map<Integer, String> names)
      throws DatasetFormatException {
    Map<Integer, Integer> parents = new HashMap<>();
    for (TextLine line : TextLine.readAll(file)) {
      String[] f = line.fields(2);
      int child = line.integer(f[0], "child id");
      int parent = line.integer(f[1], "parent id");
      if (!names.containsKey(child) || !names.containsKey(parent)) {
        throw line.error(
            "class id " + (names.containsKey(child) ? parent : child) + " is not in classes.txt");
      }
      if (parents.put(child, parent) != null) {
        throw line.error("class id " + child + " has two parents");
      }
    }
    return parents;
  }

  private static ClassInfo classInfo(
      int leaf, Map<Integer, String> names, Map<Integer, Integer> parents, Path file)
      throws DatasetFormatException {
    String name = names.get(leaf);
    List<Integer> ancestors = new ArrayList<>();
    for (Integer node = parents.get(leaf); node != null; node = parents.get(node)) {
      if (ancestors.size() > names.size()) {
        throw new DatasetFormatException(file, "the ancestors of class " + leaf + " form a cycle");
      }
      ancestors.add(node);
    }
    String family = name;
    for (int node : ancestors) {
      String ancestor = names.get(node);
      if (!name.startsWith(ancestor + " (") && !name.equals(ancestor)) {
        family = ancestor;
        break;
      }
    }
    // ancestors ends at the root ("Birds"); the group is the node just below it
    String group = ancestors.size() >= 2 ? names.get(ancestors.get(ancestors.size() - 2)) : family;
    return new ClassInfo(
        name, ClassNames.tidy(name), ClassNames.tidy(family), ClassNames.tidy(group));
  }

  private static Path resolve(Path root) {
    Path inner = root.resolve("nabirds");
    return Files.isDirectory(inner) ? inner : root;
  }
}
