package org.concepthash.search;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.concepthash.data.Split;

/**
 * Restricts a search to matching entries. It is evaluated inside the scan, so top-k means the k
 * nearest MATCHING images, never "the k nearest, then filtered". Empty components match everything.
 *
 * @param classId only this class id
 * @param familyId only this family id
 * @param labels labelled only, unlabelled only, or either
 * @param split only this split
 */
public record SearchFilter(
    OptionalInt classId, OptionalInt familyId, LabelState labels, Optional<Split> split) {

  /** Which label states pass. */
  public enum LabelState {
    ANY,
    LABELLED,
    UNLABELLED
  }

  /** The filter that accepts every entry. */
  public static final SearchFilter NONE =
      new SearchFilter(OptionalInt.empty(), OptionalInt.empty(), LabelState.ANY, Optional.empty());

  public SearchFilter {
    Objects.requireNonNull(classId, "classId");
    Objects.requireNonNull(familyId, "familyId");
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(split, "split");
  }

  public SearchFilter withClass(int id) {
    return new SearchFilter(OptionalInt.of(id), familyId, labels, split);
  }

  public SearchFilter withFamily(int id) {
    return new SearchFilter(classId, OptionalInt.of(id), labels, split);
  }

  public SearchFilter withLabels(LabelState state) {
    return new SearchFilter(classId, familyId, state, split);
  }

  public SearchFilter withSplit(Split s) {
    return new SearchFilter(classId, familyId, labels, Optional.of(s));
  }

  /** Whether every entry passes, so the scan can skip the check. */
  public boolean acceptsAll() {
    return classId.isEmpty() && familyId.isEmpty() && labels == LabelState.ANY && split.isEmpty();
  }

  /** Whether an entry with these attributes passes. */
  public boolean accepts(int entryClassId, int entryFamilyId, Split entrySplit) {
    if (classId.isPresent() && classId.getAsInt() != entryClassId) {
      return false;
    }
    if (familyId.isPresent() && familyId.getAsInt() != entryFamilyId) {
      return false;
    }
    boolean labelled = entryClassId != IndexEntry.NONE;
    if (labels == LabelState.LABELLED && !labelled || labels == LabelState.UNLABELLED && labelled) {
      return false;
    }
    return split.isEmpty() || split.get() == entrySplit;
  }
}
