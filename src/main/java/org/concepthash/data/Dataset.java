package org.concepthash.data;

import java.util.List;

/** A data set as every reader returns it: the class list and the items in a stable order. */
public record Dataset(String format, List<ClassInfo> classes, List<LabelledImage> items) {

  public Dataset {
    classes = List.copyOf(classes);
    items = List.copyOf(items);
  }

  /** The items of one split, in data set order. */
  public List<LabelledImage> split(Split split) {
    return items.stream().filter(i -> i.split() == split).toList();
  }
}
