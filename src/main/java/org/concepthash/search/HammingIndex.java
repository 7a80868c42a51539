package org.concepthash.search;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.concepthash.code.ConceptLayout;

/**
 * The in-memory Hamming index of the active model version: exact top-k with concept masks and
 * filters, incremental updates, and an atomic switch to a new model version.
 *
 * <p>Concurrency: the index holds one immutable {@link IndexSnapshot} in a volatile field. A query
 * reads it once and searches only that snapshot, so it sees one model version and one consistent
 * set of entries however many updates or version swaps happen meanwhile. Writers are serialised and
 * publish a new snapshot that shares all unchanged chunks with the old one.
 *
 * <p>Start-up: build a snapshot from the catalog's stored codes with {@link IndexSnapshot#builder}
 * and pass it to the constructor; a new model version is loaded the same way and made live with
 * {@link #publish}.
 */
public final class HammingIndex implements AutoCloseable {

  private final IndexSettings settings;
  private final ExecutorService workers;
  private final Object writeLock = new Object();
  private volatile IndexSnapshot current;

  public HammingIndex(IndexSnapshot initial, IndexSettings settings) {
    this.current = Objects.requireNonNull(initial, "initial");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.workers =
        settings.threads() > 1
            ? Executors.newFixedThreadPool(settings.threads() - 1, daemonThreads())
            : null;
  }

  /** The snapshot queries see now. */
  public IndexSnapshot snapshot() {
    return current;
  }

  /** Model version of the snapshot queries see now. */
  public String modelVersion() {
    return current.modelVersion();
  }

  /**
   * Makes {@code next} (usually a new model version) live at once; running queries finish on the
   * old.
   */
  public void publish(IndexSnapshot next) {
    Objects.requireNonNull(next, "next");
    synchronized (writeLock) {
      current = next;
    }
  }

  /**
   * The k nearest entries to {@code query} by Hamming distance over the concepts in {@code
   * conceptMask} (bit m = concept m; {@link ConceptLayout#allConcepts()} for the whole code) among
   * entries passing {@code filter}, ordered by (distance, image id).
   */
  public SearchResult topK(long[] query, int k, long conceptMask, SearchFilter filter) {
    return topK(new long[][] {query}, k, conceptMask, filter).get(0);
  }

  /**
   * {@link #topK(long[], int, long, SearchFilter)} for a batch of queries in one pass over memory.
   */
  public List<SearchResult> topK(long[][] queries, int k, long conceptMask, SearchFilter filter) {
    IndexSnapshot snapshot = current; // read once: the whole batch sees one version
    SnapshotSearch search = new SnapshotSearch(snapshot, queries, k, conceptMask, filter);
    boolean parallel = workers != null && snapshot.size() >= settings.parallelThreshold();
    return search.run(parallel ? settings.threads() : 1, workers);
  }

  /**
   * Adds an entry encoded by {@code modelVersion}.
   *
   * @throws ModelVersionMismatchException when another version is live (the code must be
   *     re-encoded)
   * @throws IllegalArgumentException when the image is already indexed or the code has the wrong
   *     length
   */
  public void add(String modelVersion, IndexEntry entry) {
    synchronized (writeLock) {
      current = checked(modelVersion).withAdded(entry);
    }
  }

  /**
   * Replaces the entry of {@code entry.imageId()} (new labels, split or code); it must be indexed.
   */
  public void update(String modelVersion, IndexEntry entry) {
    synchronized (writeLock) {
      current = checked(modelVersion).withUpdated(entry);
    }
  }

  /** Removes an image; returns whether it was indexed. Removal needs no model version. */
  public boolean remove(long imageId) {
    synchronized (writeLock) {
      IndexSnapshot before = current;
      current = before.withRemoved(imageId);
      return current != before;
    }
  }

  @Override
  public void close() {
    if (workers != null) {
      workers.shutdown();
    }
  }

  private IndexSnapshot checked(String modelVersion) {
    IndexSnapshot snapshot = current;
    if (!snapshot.modelVersion().equals(modelVersion)) {
      throw new ModelVersionMismatchException(modelVersion, snapshot.modelVersion());
    }
    return snapshot;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "hamming-search-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
