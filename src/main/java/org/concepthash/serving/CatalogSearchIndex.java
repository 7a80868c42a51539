package org.concepthash.serving;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.concepthash.catalog.ImageAdded;
import org.concepthash.catalog.ImagesRelabelled;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.ConceptLayout;
import org.concepthash.data.Split;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.IndexEntry;
import org.concepthash.search.IndexSettings;
import org.concepthash.search.IndexSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-memory search index over the codes that PostgreSQL stores for the active model version.
 * Built at start-up and rebuilt by {@link #reload()} when another version becomes active; a rebuild
 * is published in one step, so every query sees one model version. Class ids are {@code
 * image_class.id}; family ids are dense numbers assigned per rebuild (see {@link #familyId}).
 */
@Singleton
public class CatalogSearchIndex {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogSearchIndex.class);

  /** The index with the family numbering its entries use, swapped together. */
  private record Loaded(HammingIndex index, Map<String, Integer> families) {}

  private final DataSource dataSource;
  private volatile Loaded loaded;

  CatalogSearchIndex(DataSource dataSource, DataSourceResolver resolver) {
    // streaming the codes needs a plain connection, not the transaction-bound proxy
    this.dataSource = resolver.resolve(dataSource);
  }

  @EventListener
  void onStartup(StartupEvent event) throws SQLException {
    reload();
  }

  /** The index of the active model version, or empty while no model is active. */
  public Optional<HammingIndex> index() {
    Loaded l = loaded;
    return l == null ? Optional.empty() : Optional.of(l.index());
  }

  /** The index number of a family, for search filters. */
  public OptionalInt familyId(String family) {
    Loaded l = loaded;
    Integer id = l == null ? null : l.families().get(family);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** Rebuilds the index from the database for the model version that is active now. */
  public synchronized void reload() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      Optional<ActiveModel> active = activeModel(c);
      if (active.isEmpty()) {
        Loaded old = loaded;
        loaded = null;
        if (old != null) {
          old.index().close();
        }
        return;
      }
      Map<String, Integer> families = families(c);
      IndexSnapshot snapshot = snapshot(c, active.get(), families);
      c.commit();
      Loaded old = loaded;
      if (old == null) {
        loaded = new Loaded(new HammingIndex(snapshot, IndexSettings.defaults()), families);
      } else {
        old.index().publish(snapshot);
        loaded = new Loaded(old.index(), families);
      }
      LOG.info("Search index: {} codes of model {}", snapshot.size(), active.get().id());
    }
  }

  /**
   * Adds a newly ingested image's code under {@code modelVersion}, with the label, family and split
   * ingest gave it. Ignored when that version is not the one being served.
   */
  public void put(String modelVersion, ImageAdded added, long[] code) {
    Loaded l = loaded;
    if (l == null || !l.index().modelVersion().equals(modelVersion)) {
      return;
    }
    IndexEntry entry =
        new IndexEntry(
            added.imageId(),
            added.classId() == null ? IndexEntry.NONE : Math.toIntExact(added.classId()),
            familyNumber(l, added.family()),
            added.split(),
            code);
    if (l.index().snapshot().get(added.imageId()).isPresent()) {
      l.index().update(modelVersion, entry);
    } else {
      l.index().add(modelVersion, entry);
    }
  }

  /** Brings the label and family of indexed images up to date after a committed label change. */
  @TransactionalEventListener
  void onRelabelled(ImagesRelabelled event) throws SQLException {
    Loaded l = loaded;
    if (l == null) {
      return;
    }
    for (long id : event.imageIds()) {
      Optional<IndexEntry> indexed = l.index().snapshot().get(id);
      if (indexed.isPresent()) {
        Optional<IndexEntry> fresh = entry(l, id, indexed.get().code());
        if (fresh.isPresent()) {
          l.index().update(l.index().modelVersion(), fresh.get());
        }
      }
    }
  }

  private Optional<IndexEntry> entry(Loaded l, long imageId, long[] code) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select l.class_id, k.family, i.split from image i"
                    + " left join image_label l on l.image_id = i.id and l.current"
                    + " left join image_class k on k.id = l.class_id where i.id = ?")) {
      s.setLong(1, imageId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        long classId = rs.getLong(1);
        int cls = rs.wasNull() ? IndexEntry.NONE : Math.toIntExact(classId);
        return Optional.of(
            new IndexEntry(
                imageId,
                cls,
                familyNumber(l, rs.getString(2)),
                Split.parse(rs.getString(3)),
                code));
      }
    }
  }

  private static int familyNumber(Loaded l, String family) {
    // a family new since the last rebuild has no number yet; it joins the numbering at the next one
    return family == null ? IndexEntry.NONE : l.families().getOrDefault(family, IndexEntry.NONE);
  }

  private record ActiveModel(String id, ConceptLayout layout) {}

  private static Optional<ActiveModel> activeModel(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("select id, code_bits, concepts from model_version where active");
        ResultSet rs = s.executeQuery()) {
      return rs.next()
          ? Optional.of(
              new ActiveModel(rs.getString(1), new ConceptLayout(rs.getInt(2), rs.getInt(3))))
          : Optional.empty();
    }
  }

  private static Map<String, Integer> families(Connection c) throws SQLException {
    Map<String, Integer> ids = new HashMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "select distinct family from image_class where family is not null order by family");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.put(rs.getString(1), ids.size());
      }
    }
    return ids;
  }

  private static IndexSnapshot snapshot(
      Connection c, ActiveModel model, Map<String, Integer> families) throws SQLException {
    IndexSnapshot.Builder builder = IndexSnapshot.builder(model.id(), model.layout());
    String sql =
        "select c.image_id, l.class_id, k.family, i.split, c.code from image_code c"
            + " join image i on i.id = c.image_id"
            + " left join image_label l on l.image_id = c.image_id and l.current"
            + " left join image_class k on k.id = l.class_id"
            + " where c.model_version_id = ? order by c.image_id";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setFetchSize(10_000);
      s.setString(1, model.id());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          long classId = rs.getLong(2);
          int cls = rs.wasNull() ? IndexEntry.NONE : Math.toIntExact(classId);
          String family = rs.getString(3);
          int fam = family == null ? IndexEntry.NONE : families.get(family);
          long[] words = BinaryCodes.wordsFromBytes(rs.getBytes(5));
          builder.add(rs.getLong(1), cls, fam, Split.parse(rs.getString(4)), words, 0);
        }
      }
    }
    return builder.build();
  }

  @PreDestroy
  void close() {
    Loaded l = loaded;
    if (l != null) {
      l.index().close();
    }
  }
}
