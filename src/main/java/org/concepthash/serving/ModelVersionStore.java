package org.concepthash.serving;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.concepthash.code.BinaryCodes;
import org.concepthash.data.BoundingBox;
import org.concepthash.data.Keypoint;
import org.concepthash.encode.eval.PartConsistencyReport;
import org.concepthash.onnx.ModelManifest;

/**
 * The {@code model_version}, {@code concept_name} and {@code image_code} tables (and the catalog's
 * annotated test images that part consistency is measured on). Plain JDBC: codes are written in
 * batches of thousands and activation is one short transaction, neither of which needs entities.
 */
@Singleton
class ModelVersionStore {

  /** A catalog image still to be encoded under some version. */
  record PendingImage(long id, String storageKey) {}

  /** A test-split catalog image with part keypoints (and its object box, when it has one). */
  record AnnotatedImage(
      long id, String storageKey, Optional<BoundingBox> box, List<Keypoint> keypoints) {}

  /** A registered package: its key in the {@link PackageArchive} and the SHA-256 of its bytes. */
  record StoredPackage(String key, String sha256) {}

  /** A new version's row. */
  record NewVersion(
      String id,
      int concepts,
      int bitsPerConcept,
      String packageKey,
      String packageSha256,
      ModelManifest.Training metrics,
      List<String> conceptNames,
      String createdBy) {}

  private static final String SELECT =
      "select v.id, v.code_bits, v.concepts, v.bits_per_concept, v.metrics, v.active, v.created_by,"
          + " v.created_at, v.activated_at, v.activated_by, (select count(*) from image_code c"
          + " where c.model_version_id = v.id), v.part_consistency from model_version v";

  private static final Gson GSON = new Gson();

  private final DataSource dataSource;

  ModelVersionStore(DataSource dataSource, DataSourceResolver resolver) {
    // explicit transactions of our own, not the JPA-bound proxy
    this.dataSource = resolver.resolve(dataSource);
  }

  void insert(NewVersion v) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into model_version (id, code_bits, concepts, bits_per_concept, package_key,"
                  + " package_sha256, metrics, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, v.id());
        s.setInt(2, v.concepts() * v.bitsPerConcept());
        s.setInt(3, v.concepts());
        s.setInt(4, v.bitsPerConcept());
        s.setString(5, v.packageKey());
        s.setString(6, v.packageSha256());
        s.setString(7, metricsJson(v.metrics()));
        s.setString(8, v.createdBy());
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into concept_name (model_version_id, concept_index, name) values (?, ?,"
                  + " ?)")) {
        for (int i = 0; i < v.conceptNames().size(); i++) {
          s.setString(1, v.id());
          s.setInt(2, i);
          s.setString(3, v.conceptNames().get(i));
          s.addBatch();
        }
        s.executeBatch();
      }
      c.commit();
    }
  }

  List<ModelVersion> list() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return query(c, SELECT + " order by v.created_at desc, v.id");
    }
  }

  Optional<ModelVersion> find(String id) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return query(c, SELECT + " where v.id = ?", id).stream().findFirst();
    }
  }

  Optional<ModelVersion> active() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return query(c, SELECT + " where v.active").stream().findFirst();
    }
  }

  /** Where a version's package is stored, and its SHA-256. */
  Optional<StoredPackage> storedPackage(String id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select package_key, package_sha256 from model_version where id = ?")) {
      s.setString(1, id);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? Optional.of(new StoredPackage(rs.getString(1), rs.getString(2)))
            : Optional.empty();
      }
    }
  }

  /** Makes {@code id} the one active version, in one transaction. */
  void activate(String id, String actor) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement off =
              c.prepareStatement("update model_version set active = false where active");
          PreparedStatement on =
              c.prepareStatement(
                  "update model_version set active = true, activated_at = now(), activated_by = ?"
                      + " where id = ?")) {
        off.executeUpdate();
        on.setString(1, actor);
        on.setString(2, id);
        if (on.executeUpdate() != 1) {
          c.rollback();
          throw new IllegalArgumentException("no model version '" + id + "'");
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Stores the part measurement of {@code id}. */
  void storePartConsistency(String id, PartConsistencyReport parts) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement("update model_version set part_consistency = ? where id = ?")) {
      s.setString(1, GSON.toJson(parts));
      s.setString(2, id);
      if (s.executeUpdate() != 1) {
        throw new IllegalArgumentException("no model version '" + id + "'");
      }
    }
  }

  void renameConcept(String id, int index, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "update concept_name set name = ? where model_version_id = ? and concept_index"
                    + " = ?")) {
      s.setString(1, name);
      s.setString(2, id);
      s.setInt(3, index);
      if (s.executeUpdate() != 1) {
        throw new IllegalArgumentException("model '" + id + "' has no concept " + index);
      }
    }
  }

  /** Up to {@code limit} images without a code under {@code id}, in id order. */
  List<PendingImage> pending(String id, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "select i.id, i.storage_key from image i where not exists (select 1 from image_code"
                    + " c where c.model_version_id = ? and c.image_id = i.id) order by i.id"
                    + " limit ?")) {
      s.setString(1, id);
      s.setInt(2, limit);
      List<PendingImage> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new PendingImage(rs.getLong(1), rs.getString(2)));
        }
      }
      return out;
    }
  }

  /** The test-split images that have part keypoints, in id order. */
  List<AnnotatedImage> annotatedTestImages() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Map<Long, List<Keypoint>> keypoints = new HashMap<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "select k.image_id, k.part, k.x, k.y from image_keypoint k join image i on i.id ="
                      + " k.image_id where i.split = 'test' order by k.image_id, k.part");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          keypoints
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new Keypoint(rs.getString(2), rs.getDouble(3), rs.getDouble(4)));
        }
      }
      List<AnnotatedImage> out = new ArrayList<>();
      try (PreparedStatement s =
              c.prepareStatement(
                  "select i.id, i.storage_key, i.bbox_x, i.bbox_y, i.bbox_width,"
                      + " i.bbox_height from image i where i.split = 'test' and exists"
                      + " (select 1 from image_keypoint k where k.image_id = i.id) order by i.id");
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          double x = rs.getDouble(3);
          Optional<BoundingBox> box =
              rs.wasNull()
                  ? Optional.empty()
                  : Optional.of(
                      new BoundingBox(x, rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)));
          out.add(
              new AnnotatedImage(
                  rs.getLong(1),
                  rs.getString(2),
                  box,
                  keypoints.getOrDefault(rs.getLong(1), List.of())));
        }
      }
      return out;
    }
  }

  long imageCount() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("select count(*) from image");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Stores codes (one per image id, packed words) under {@code id}; an image deleted meanwhile is
   * skipped.
   */
  void storeCodes(String id, long[] imageIds, List<long[]> codes) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into image_code (model_version_id, image_id, code) select ?, ?, ? where"
                  + " exists (select 1 from image where id = ?) on conflict (model_version_id,"
                  + " image_id) do update set code = excluded.code")) {
        for (int i = 0; i < imageIds.length; i++) {
          s.setString(1, id);
          s.setLong(2, imageIds[i]);
          s.setBytes(3, BinaryCodes.wordsToBytes(codes.get(i)));
          s.setLong(4, imageIds[i]);
          s.addBatch();
        }
        s.executeBatch();
      }
      c.commit();
    }
  }

  private static List<ModelVersion> query(Connection c, String sql, String... args)
      throws SQLException {
    List<ModelVersion> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setString(i + 1, args[i]);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          out.add(
              new ModelVersion(
                  id,
                  rs.getInt(2),
                  rs.getInt(3),
                  rs.getInt(4),
                  conceptNames(c, id),
                  metrics(rs.getString(5)),
                  rs.getBoolean(6),
                  rs.getString(7),
                  instant(rs.getTimestamp(8)),
                  instant(rs.getTimestamp(9)),
                  rs.getString(10),
                  rs.getLong(11),
                  parts(rs.getString(12))));
        }
      }
    }
    return out;
  }

  private static List<String> conceptNames(Connection c, String id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "select name from concept_name where model_version_id = ? order by concept_index")) {
      s.setString(1, id);
      List<String> names = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      return names;
    }
  }

  /** The {@code metrics} column: the manifest's training JSON, "{}" when the package has none. */
  private static String metricsJson(ModelManifest.Training metrics) {
    return metrics == null ? "{}" : GSON.toJson(metrics);
  }

  private static ModelManifest.Training metrics(String json) {
    JsonElement e = json == null || json.isBlank() ? null : JsonParser.parseString(json);
    return e == null || !e.isJsonObject() || e.getAsJsonObject().isEmpty()
        ? null
        : GSON.fromJson(e, ModelManifest.Training.class);
  }

  private static PartConsistencyReport parts(String json) {
    return json == null ? null : GSON.fromJson(json, PartConsistencyReport.class);
  }

  private static java.time.Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
