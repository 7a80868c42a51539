package org.concepthash.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.concepthash.code.BinaryCodes;

/**
 * The benchmark's peer for the ranking step: exact Hamming top-k computed by PostgreSQL over the
 * stored codes ({@code bit_count} of the XOR of 64-bit chunks), the way a catalog without an
 * in-memory index would rank. Ties are ordered by image id, as in our index.
 */
final class SqlHammingPeer {

  private final DataSource dataSource;
  private final String sql;
  private final int words;

  SqlHammingPeer(DataSource dataSource, int bits) {
    this.dataSource = dataSource;
    int words = BinaryCodes.wordsPerCode(bits);
    StringBuilder distance = new StringBuilder();
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        distance.append(" + ");
      }
      String chunk = "substring(%s from " + (8 * w + 1) + " for 8)";
      distance
          .append("bit_count(('x' || encode(")
          .append(chunk.formatted("c.code"))
          .append(", 'hex'))::bit(64) # ('x' || encode(")
          .append(chunk.formatted("?::bytea"))
          .append(", 'hex'))::bit(64))");
    }
    this.sql =
        "select c.image_id, "
            + distance
            + " as d from image_code c where c.model_version_id = ?"
            + " order by d, c.image_id limit ?";
    this.words = words;
  }

  /** (image id, distance) of the k nearest codes of {@code model} to {@code query}. */
  List<long[]> topK(String model, long[] query, int k) throws SQLException {
    byte[] bytes = BinaryCodes.wordsToBytes(query);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      int p = 1;
      for (int w = 0; w < words; w++) {
        s.setBytes(p++, bytes);
      }
      s.setString(p++, model);
      s.setInt(p, k);
      List<long[]> out = new ArrayList<>(k);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new long[] {rs.getLong(1), rs.getLong(2)});
        }
      }
      return out;
    }
  }
}
