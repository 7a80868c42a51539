package org.concepthash.search;

import java.util.Arrays;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.ConceptLayout;
import org.concepthash.data.Split;

/**
 * An immutable run of index entries in ascending image id: the unit a scan walks and a mutation
 * copies.
 *
 * <p>Columnar: ids, labels, splits and the full codes ({@code rows}, {@code wpc} longs per entry in
 * the {@link BinaryCodes} layout) in parallel arrays of exactly {@code size} entries, plus one
 * {@link ConceptColumn} per concept. Copy-on-write keeps a mutation's cost at one chunk, and lets a
 * query keep reading the chunk it started with.
 */
final class Chunk {

  private static final Split[] SPLITS = Split.values();

  final ConceptLayout layout;
  final int size;
  final long[] imageIds;
  final int[] classIds;
  final int[] familyIds;
  final byte[] splits;
  final long[] rows;
  final ConceptColumn[] columns;

  /** Takes ownership of the arrays, which must hold exactly {@code imageIds.length} entries. */
  Chunk(
      ConceptLayout layout,
      long[] imageIds,
      int[] classIds,
      int[] familyIds,
      byte[] splits,
      long[] rows) {
    this.layout = layout;
    this.size = imageIds.length;
    this.imageIds = imageIds;
    this.classIds = classIds;
    this.familyIds = familyIds;
    this.splits = splits;
    this.rows = rows;
    this.columns = new ConceptColumn[layout.concepts()];
    for (int m = 0; m < columns.length; m++) {
      columns[m] = ConceptColumn.build(layout, m, rows, size);
    }
  }

  int wpc() {
    return BinaryCodes.wordsPerCode(layout.bits());
  }

  Split split(int slot) {
    return SPLITS[splits[slot]];
  }

  long firstId() {
    return imageIds[0];
  }

  long lastId() {
    return imageIds[size - 1];
  }

  /** The slot of an image id, or (-(insertion point) - 1) as {@link Arrays#binarySearch}. */
  int slotOf(long imageId) {
    return Arrays.binarySearch(imageIds, imageId);
  }

  IndexEntry entry(int slot) {
    int wpc = wpc();
    return new IndexEntry(
        imageIds[slot],
        classIds[slot],
        familyIds[slot],
        split(slot),
        Arrays.copyOfRange(rows, slot * wpc, (slot + 1) * wpc));
  }

  /** A copy with {@code entry} inserted at {@code slot}. */
  Chunk inserted(int slot, IndexEntry entry) {
    int wpc = wpc();
    long[] ids = new long[size + 1];
    int[] classes = new int[size + 1];
    int[] families = new int[size + 1];
    byte[] newSplits = new byte[size + 1];
    long[] newRows = new long[(size + 1) * wpc];
    copyAround(imageIds, ids, slot, 1);
    copyAround(classIds, classes, slot, 1);
    copyAround(familyIds, families, slot, 1);
    copyAround(splits, newSplits, slot, 1);
    System.arraycopy(rows, 0, newRows, 0, slot * wpc);
    System.arraycopy(rows, slot * wpc, newRows, (slot + 1) * wpc, (size - slot) * wpc);
    write(slot, entry, ids, classes, families, newSplits, newRows);
    return new Chunk(layout, ids, classes, families, newSplits, newRows);
  }

  /** A copy with the entry at {@code slot} replaced by {@code entry} (same image id). */
  Chunk replaced(int slot, IndexEntry entry) {
    long[] ids = imageIds.clone();
    int[] classes = classIds.clone();
    int[] families = familyIds.clone();
    byte[] newSplits = splits.clone();
    long[] newRows = rows.clone();
    write(slot, entry, ids, classes, families, newSplits, newRows);
    return new Chunk(layout, ids, classes, families, newSplits, newRows);
  }

  /** A copy without the entry at {@code slot}; size must be at least 2. */
  Chunk removed(int slot) {
    int wpc = wpc();
    long[] ids = new long[size - 1];
    int[] classes = new int[size - 1];
    int[] families = new int[size - 1];
    byte[] newSplits = new byte[size - 1];
    long[] newRows = new long[(size - 1) * wpc];
    copyAround(imageIds, ids, slot, -1);
    copyAround(classIds, classes, slot, -1);
    copyAround(familyIds, families, slot, -1);
    copyAround(splits, newSplits, slot, -1);
    System.arraycopy(rows, 0, newRows, 0, slot * wpc);
    System.arraycopy(rows, (slot + 1) * wpc, newRows, slot * wpc, (size - slot - 1) * wpc);
    return new Chunk(layout, ids, classes, families, newSplits, newRows);
  }

  /** Entries {@code [from, to)} as a new chunk. */
  Chunk slice(int from, int to) {
    int wpc = wpc();
    return new Chunk(
        layout,
        Arrays.copyOfRange(imageIds, from, to),
        Arrays.copyOfRange(classIds, from, to),
        Arrays.copyOfRange(familyIds, from, to),
        Arrays.copyOfRange(splits, from, to),
        Arrays.copyOfRange(rows, from * wpc, to * wpc));
  }

  private void write(
      int slot,
      IndexEntry entry,
      long[] ids,
      int[] classes,
      int[] families,
      byte[] newSplits,
      long[] newRows) {
    int wpc = wpc();
    ids[slot] = entry.imageId();
    classes[slot] = entry.classId();
    families[slot] = entry.familyId();
    newSplits[slot] = (byte) entry.split().ordinal();
    System.arraycopy(entry.code(), 0, newRows, slot * wpc, wpc);
  }

  /**
   * Copies this chunk's array {@code from} ({@code size} entries) into {@code to}, leaving a
   * one-entry gap at {@code slot} (shift 1) or dropping the entry there (shift -1).
   */
  private void copyAround(Object from, Object to, int slot, int shift) {
    System.arraycopy(from, 0, to, 0, slot);
    if (shift > 0) {
      System.arraycopy(from, slot, to, slot + 1, size - slot);
    } else {
      System.arraycopy(from, slot + 1, to, slot, size - slot - 1);
    }
  }
}
