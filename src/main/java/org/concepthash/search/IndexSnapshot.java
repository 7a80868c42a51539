package org.concepthash.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.ConceptLayout;
import org.concepthash.data.Split;

/**
 * The codes of one model version for every indexed image: immutable, so a query that holds a
 * snapshot sees exactly one version. Mutations return a new snapshot that shares every chunk but
 * one.
 *
 * <p>Entries are kept in ascending image id inside chunks of at most {@code chunkCapacity} entries;
 * the scan relies on this order to break distance ties by image id without comparing ids.
 */
public final class IndexSnapshot {

  /**
   * Entries per chunk: 64k entries of a 64-bit code is 512 KiB of rows, cheap to copy on a
   * mutation.
   */
  public static final int DEFAULT_CHUNK_CAPACITY = 1 << 16;

  private final String modelVersion;
  private final ConceptLayout layout;
  private final int chunkCapacity;
  final Chunk[] chunks;
  private final int size;

  private IndexSnapshot(
      String modelVersion, ConceptLayout layout, int chunkCapacity, Chunk[] chunks) {
    this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
    this.layout = Objects.requireNonNull(layout, "layout");
    this.chunkCapacity = chunkCapacity;
    this.chunks = chunks;
    int total = 0;
    for (Chunk c : chunks) {
      total += c.size;
    }
    this.size = total;
  }

  /** A snapshot without entries (a model version with an empty catalog). */
  public static IndexSnapshot empty(String modelVersion, ConceptLayout layout) {
    return new IndexSnapshot(modelVersion, layout, DEFAULT_CHUNK_CAPACITY, new Chunk[0]);
  }

  /** Starts a bulk load, e.g. the start-up rebuild from the catalog's code table. */
  public static Builder builder(String modelVersion, ConceptLayout layout) {
    return new Builder(modelVersion, layout, DEFAULT_CHUNK_CAPACITY);
  }

  /** As {@link #builder(String, ConceptLayout)} with a chosen chunk size (at least 64). */
  public static Builder builder(String modelVersion, ConceptLayout layout, int chunkCapacity) {
    return new Builder(modelVersion, layout, chunkCapacity);
  }

  public String modelVersion() {
    return modelVersion;
  }

  public ConceptLayout layout() {
    return layout;
  }

  public int size() {
    return size;
  }

  public Optional<IndexEntry> get(long imageId) {
    int c = chunkFor(imageId);
    if (c == chunks.length) {
      return Optional.empty();
    }
    int slot = chunks[c].slotOf(imageId);
    return slot < 0 ? Optional.empty() : Optional.of(chunks[c].entry(slot));
  }

  /** Every entry in ascending image id. */
  public Stream<IndexEntry> entries() {
    return Arrays.stream(chunks).flatMap(c -> IntStream.range(0, c.size).mapToObj(c::entry));
  }

  /** A snapshot that also holds {@code entry}; its image id must be new. */
  public IndexSnapshot withAdded(IndexEntry entry) {
    checkCode(entry.code());
    if (chunks.length == 0) {
      return with(0, 0, new Chunk[] {single(entry)});
    }
    int c = chunkFor(entry.imageId());
    Chunk last = chunks[chunks.length - 1];
    if (c == chunks.length) { // past every id: the common append
      if (last.size >= chunkCapacity) {
        return with(chunks.length, 0, new Chunk[] {single(entry)});
      }
      c = chunks.length - 1;
    }
    Chunk chunk = chunks[c];
    int slot = chunk.slotOf(entry.imageId());
    if (slot >= 0) {
      throw new IllegalArgumentException("image " + entry.imageId() + " is already indexed");
    }
    Chunk grown = chunk.inserted(-slot - 1, entry);
    if (grown.size <= chunkCapacity) {
      return with(c, 1, new Chunk[] {grown});
    }
    int half = grown.size / 2;
    return with(c, 1, new Chunk[] {grown.slice(0, half), grown.slice(half, grown.size)});
  }

  /**
   * A snapshot where the entry with {@code entry.imageId()} is replaced; that image must be
   * indexed.
   */
  public IndexSnapshot withUpdated(IndexEntry entry) {
    checkCode(entry.code());
    int c = chunkFor(entry.imageId());
    int slot = c == chunks.length ? -1 : chunks[c].slotOf(entry.imageId());
    if (slot < 0) {
      throw new IllegalArgumentException("image " + entry.imageId() + " is not indexed");
    }
    return with(c, 1, new Chunk[] {chunks[c].replaced(slot, entry)});
  }

  /**
   * A snapshot without image {@code imageId}; this snapshot itself when the image is not indexed.
   */
  public IndexSnapshot withRemoved(long imageId) {
    int c = chunkFor(imageId);
    int slot = c == chunks.length ? -1 : chunks[c].slotOf(imageId);
    if (slot < 0) {
      return this;
    }
    Chunk chunk = chunks[c];
    return chunk.size == 1
        ? with(c, 1, new Chunk[0])
        : with(c, 1, new Chunk[] {chunk.removed(slot)});
  }

  /** Throws unless {@code code} is one code of this snapshot's length with zero padding. */
  void checkCode(long[] code) {
    int wpc = BinaryCodes.wordsPerCode(layout.bits());
    if (code.length != wpc) {
      throw new IllegalArgumentException(
          "a " + layout.bits() + "-bit code has " + wpc + " words, got " + code.length);
    }
    if ((code[wpc - 1] & BinaryCodes.paddingMask(layout.bits())) != 0) {
      throw new IllegalArgumentException("code has bits set past bit " + (layout.bits() - 1));
    }
  }

  /** Index of the first chunk whose last id is &ge; imageId; chunks.length when none. */
  private int chunkFor(long imageId) {
    int lo = 0;
    int hi = chunks.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (chunks[mid].lastId() < imageId) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A snapshot with {@code replace} chunks from {@code at} on replaced by {@code with}. */
  private IndexSnapshot with(int at, int replace, Chunk[] replacement) {
    Chunk[] next = new Chunk[chunks.length - replace + replacement.length];
    System.arraycopy(chunks, 0, next, 0, at);
    System.arraycopy(replacement, 0, next, at, replacement.length);
    System.arraycopy(
        chunks, at + replace, next, at + replacement.length, chunks.length - at - replace);
    return new IndexSnapshot(modelVersion, layout, chunkCapacity, next);
  }

  private Chunk single(IndexEntry entry) {
    return new Chunk(
        layout,
        new long[] {entry.imageId()},
        new int[] {entry.classId()},
        new int[] {entry.familyId()},
        new byte[] {(byte) entry.split().ordinal()},
        entry.code().clone());
  }

  /**
   * Bulk loader: entries must arrive in strictly ascending image id (for SQL, {@code ORDER BY
   * image_id}), which lets the load stream straight into full chunks without sorting or buffering.
   */
  public static final class Builder {
    private final String modelVersion;
    private final ConceptLayout layout;
    private final int capacity;
    private final int wpc;
    private final long padding;
    private final List<Chunk> chunks = new ArrayList<>();
    private long[] ids;
    private int[] classes;
    private int[] families;
    private byte[] splits;
    private long[] rows;
    private int fill;
    private long lastId = Long.MIN_VALUE;
    private boolean any;

    private Builder(String modelVersion, ConceptLayout layout, int capacity) {
      if (capacity < 64) {
        throw new IllegalArgumentException("chunk capacity must be at least 64, not " + capacity);
      }
      this.modelVersion = Objects.requireNonNull(modelVersion, "modelVersion");
      this.layout = Objects.requireNonNull(layout, "layout");
      this.capacity = capacity;
      this.wpc = BinaryCodes.wordsPerCode(layout.bits());
      this.padding = BinaryCodes.paddingMask(layout.bits());
    }

    public Builder add(IndexEntry entry) {
      if (entry.code().length != wpc) {
        throw new IllegalArgumentException(
            "image "
                + entry.imageId()
                + ": a "
                + layout.bits()
                + "-bit code has "
                + wpc
                + " words, got "
                + entry.code().length);
      }
      return add(
          entry.imageId(), entry.classId(), entry.familyId(), entry.split(), entry.code(), 0);
    }

    /**
     * Adds one entry whose code is {@code words[offset .. offset+wordsPerCode)}, without
     * allocating: the form for a load of millions of rows. Class and family are ids or {@link
     * IndexEntry#NONE}.
     */
    public Builder add(
        long imageId, int classId, int familyId, Split split, long[] words, int offset) {
      if (any && imageId <= lastId) {
        throw new IllegalArgumentException(
            "image ids must arrive in strictly ascending order: " + imageId + " after " + lastId);
      }
      if (classId < IndexEntry.NONE || familyId < IndexEntry.NONE) {
        throw new IllegalArgumentException("image " + imageId + ": class/family ids must be >= -1");
      }
      if ((words[offset + wpc - 1] & padding) != 0) {
        throw new IllegalArgumentException(
            "image " + imageId + ": code has bits set past bit " + (layout.bits() - 1));
      }
      if (fill == 0) {
        startChunk();
      }
      any = true;
      lastId = imageId;
      ids[fill] = imageId;
      classes[fill] = classId;
      families[fill] = familyId;
      splits[fill] = (byte) split.ordinal();
      System.arraycopy(words, offset, rows, fill * wpc, wpc);
      if (++fill == capacity) {
        finishChunk();
      }
      return this;
    }

    public IndexSnapshot build() {
      finishChunk();
      return new IndexSnapshot(modelVersion, layout, capacity, chunks.toArray(new Chunk[0]));
    }

    private void startChunk() {
      ids = new long[capacity];
      classes = new int[capacity];
      families = new int[capacity];
      splits = new byte[capacity];
      rows = new long[capacity * wpc];
    }

    private void finishChunk() {
      if (fill == 0) {
        return;
      }
      chunks.add(
          fill == capacity
              ? new Chunk(layout, ids, classes, families, splits, rows)
              : new Chunk(
                  layout,
                  Arrays.copyOf(ids, fill),
                  Arrays.copyOf(classes, fill),
                  Arrays.copyOf(families, fill),
                  Arrays.copyOf(splits, fill),
                  Arrays.copyOf(rows, fill * wpc)));
      fill = 0; // the arrays now belong to the chunk: the next add starts fresh ones
    }
  }
}
