package org.concepthash.search;

import java.util.Arrays;
import java.util.Objects;
import org.concepthash.code.BinaryCodes;
import org.concepthash.data.Split;

/**
 * One catalog image as the index holds it: the unit of the start-up load stream and of incremental
 * updates. Free of any persistence type so the catalog can build it from a plain JDBC row.
 *
 * @param imageId catalog image id; the index orders ties by it
 * @param classId class (label) id, or {@link #NONE} for an unlabelled image
 * @param familyId family id, or {@link #NONE}
 * @param split train / test / unspecified
 * @param code the binary code, {@code wordsPerCode} longs in the {@link BinaryCodes} bit layout
 */
public record IndexEntry(long imageId, int classId, int familyId, Split split, long[] code) {

  /** Marks a missing class or family. */
  public static final int NONE = -1;

  public IndexEntry {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(code, "code");
    if (classId < NONE || familyId < NONE) {
      throw new IllegalArgumentException(
          "class and family ids must be >= 0 or NONE (-1), got " + classId + " and " + familyId);
    }
  }

  /** Whether the image carries a class label. */
  public boolean labelled() {
    return classId != NONE;
  }

  // Records compare arrays by reference; entries are values.
  @Override
  public boolean equals(Object o) {
    return o instanceof IndexEntry e
        && e.imageId == imageId
        && e.classId == classId
        && e.familyId == familyId
        && e.split == split
        && Arrays.equals(e.code, code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(imageId, classId, familyId, split, Arrays.hashCode(code));
  }

  @Override
  public String toString() {
    return "IndexEntry[imageId="
        + imageId
        + ", classId="
        + classId
        + ", familyId="
        + familyId
        + ", split="
        + split
        + ", code="
        + Arrays.toString(code)
        + "]";
  }
}
