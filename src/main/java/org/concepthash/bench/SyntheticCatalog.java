package org.concepthash.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.concepthash.code.BinaryCodes;
import org.concepthash.serving.ModelVersion;

/**
 * Grows a benchmark catalog to its target size without encoding every picture: synthetic image rows
 * (labelled with the bench classes, no file behind them) whose codes under the active model are the
 * codes of real catalog images with each bit flipped with probability 1/16, so they cluster the way
 * trained codes do. Search cost depends on the number of codes, not on where they came from.
 */
final class SyntheticCatalog {

  static final String SOURCE = "bench:synthetic";
  private static final int BATCH = 1000;

  private final DataSource dataSource;
  private final ModelVersion model;
  private final int classes;
  private final long seed;

  SyntheticCatalog(DataSource dataSource, ModelVersion model, int classes, long seed) {
    this.dataSource = dataSource;
    this.model = model;
    this.classes = classes;
    this.seed = seed;
  }

  /**
   * Adds synthetic images until the catalog has {@code target}; returns how many synthetic images
   * it has.
   */
  int fill(int target, PrintStream progress) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      long have = count(c, "select count(*) from image");
      if (have < target) {
        progress.printf("adding %d synthetic images with codes near real ones%n", target - have);
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into image (sha256, storage_key, media_type, byte_size, width, height,"
                    + " original_name, source, split) select h, 'ff/' || h || '.png', 'image/png',"
                    + " 1000, 64, 64, 'synthetic-' || g || '.png', ?, 'unspecified' from (select g,"
                    + " encode(sha256(('concepthash bench ' || g)::bytea), 'hex') as h from"
                    + " generate_series(?, ?) g) x")) {
          long first = count(c, "select count(*) from image where source = '" + SOURCE + "'") + 1;
          s.setString(1, SOURCE);
          s.setLong(2, first);
          s.setLong(3, first + target - have - 1);
          s.executeUpdate();
        }
        try (PreparedStatement s =
            c.prepareStatement(
                "insert into image_label (image_id, class_id, labelled_by) select i.id, k.id,"
                    + " 'bench' from image i join image_class k on k.name = 'bench_' || (i.id % ?)"
                    + " where i.source = ? and not exists (select 1 from image_label l where"
                    + " l.image_id = i.id)")) {
          s.setInt(1, classes);
          s.setString(2, SOURCE);
          s.executeUpdate();
        }
        addCodes(c);
      }
      c.commit();
      return (int) count(c, "select count(*) from image where source = '" + SOURCE + "'");
    }
  }

  private void addCodes(Connection c) throws SQLException {
    List<byte[]> real = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select c.code from image_code c join image i on i.id = c.image_id where"
                + " c.model_version_id = ? and i.source <> ?")) {
      s.setString(1, model.id());
      s.setString(2, SOURCE);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          real.add(rs.getBytes(1));
        }
      }
    }
    if (real.isEmpty()) {
      throw new IllegalStateException("no real codes to derive synthetic ones from");
    }
    List<Long> missing = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select i.id from image i where i.source = ? and not exists (select 1 from image_code c"
                + " where c.image_id = i.id and c.model_version_id = ?) order by i.id")) {
      s.setString(1, SOURCE);
      s.setString(2, model.id());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          missing.add(rs.getLong(1));
        }
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    try (PreparedStatement s =
        c.prepareStatement(
            "insert into image_code (model_version_id, image_id, code) values (?, ?, ?)")) {
      int n = 0;
      for (long id : missing) {
        long[] words = BinaryCodes.wordsFromBytes(real.get(random.nextInt(real.size())));
        for (int j = 0; j < model.bits(); j++) {
          if (random.nextInt(16) == 0) {
            words[j >>> 6] ^= 1L << (j & 63);
          }
        }
        s.setString(1, model.id());
        s.setLong(2, id);
        s.setBytes(3, BinaryCodes.wordsToBytes(words));
        s.addBatch();
        if (++n % BATCH == 0) {
          s.executeBatch();
        }
      }
      s.executeBatch();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
