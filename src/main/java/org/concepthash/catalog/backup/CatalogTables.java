package org.concepthash.catalog.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The catalog's tables as PostgreSQL's COPY reads and writes them. The embedded server ships
 * without pg_dump, so a backup is the schema's Flyway version plus every table's rows in COPY text
 * format, taken in one repeatable-read transaction (the same snapshot pg_dump takes); a restore
 * migrates an empty database to that version and copies the rows back.
 */
final class CatalogTables {

  /** Flyway's own bookkeeping: recreated by the migrations on restore, not copied. */
  static final String HISTORY = "flyway_schema_history";

  private CatalogTables() {}

  /** The catalog's tables in the current schema, by name. */
  static List<String> names(Connection c) throws SQLException {
    return strings(
        c,
        "select table_name from information_schema.tables where table_schema = current_schema()"
            + " and table_type = 'BASE TABLE' and table_name <> ? order by table_name",
        HISTORY);
  }

  static List<String> columns(Connection c, String table) throws SQLException {
    return strings(
        c,
        "select column_name from information_schema.columns"
            + " where table_schema = current_schema() and table_name = ? order by ordinal_position",
        table);
  }

  /** The first column of {@code sql}'s rows, its one parameter bound to {@code parameter}. */
  private static List<String> strings(Connection c, String sql, String parameter)
      throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** The newest applied Flyway version; empty when the database holds no catalog. */
  static Optional<String> schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet exists = s.executeQuery("select to_regclass('" + HISTORY + "') is not null")) {
      exists.next();
      if (!exists.getBoolean(1)) {
        return Optional.empty();
      }
    }
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select version from "
                    + HISTORY
                    + " where success and version is not null order by installed_rank desc"
                    + " limit 1")) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  static void copyOut(Connection c, String table, List<String> columns, OutputStream out)
      throws SQLException, IOException {
    copyApi(c).copyOut("copy " + quoted(table) + " (" + quotedList(columns) + ") to stdout", out);
  }

  static long copyIn(Connection c, String table, List<String> columns, InputStream in)
      throws SQLException, IOException {
    return copyApi(c)
        .copyIn("copy " + quoted(table) + " (" + quotedList(columns) + ") from stdin", in);
  }

  /** Tables ordered so that each comes after the tables its foreign keys point to. */
  static List<String> dependencyOrder(Connection c, List<String> tables) throws SQLException {
    Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
    tables.forEach(t -> dependsOn.put(t, new LinkedHashSet<>()));
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select c.conrelid::regclass::text, c.confrelid::regclass::text from pg_constraint"
                    + " c where c.contype = 'f' and c.connamespace ="
                    + " current_schema()::regnamespace")) {
      while (rs.next()) {
        String table = unquoted(rs.getString(1));
        String target = unquoted(rs.getString(2));
        if (dependsOn.containsKey(table)
            && dependsOn.containsKey(target)
            && !table.equals(target)) {
          dependsOn.get(table).add(target);
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    Set<String> placed = new LinkedHashSet<>();
    while (ordered.size() < tables.size()) {
      boolean progress = false;
      for (String t : tables) {
        if (!placed.contains(t) && placed.containsAll(dependsOn.get(t))) {
          ordered.add(t);
          placed.add(t);
          progress = true;
        }
      }
      if (!progress) {
        throw new SQLException("foreign keys form a cycle among " + dependsOn);
      }
    }
    return ordered;
  }

  /** Moves every serial or identity sequence past the restored rows, so new rows get fresh ids. */
  static void resetSequences(Connection c, List<String> tables) throws SQLException {
    List<String[]> serials = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select table_name, column_name from information_schema.columns where table_schema"
                    + " = current_schema() and (column_default like 'nextval(%' or is_identity ="
                    + " 'YES')")) {
      while (rs.next()) {
        serials.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    for (String[] serial : serials) {
      if (!tables.contains(serial[0])) {
        continue;
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "select setval(pg_get_serial_sequence(?, ?),"
                  + " coalesce((select max("
                  + quoted(serial[1])
                  + ") from "
                  + quoted(serial[0])
                  + "), 0) + 1, false)")) {
        s.setString(1, quoted(serial[0]));
        s.setString(2, serial[1]);
        s.execute();
      }
    }
  }

  /** The first of {@code tables} that holds a row; empty when all are empty. */
  static Optional<String> firstNonEmpty(Connection c, List<String> tables) throws SQLException {
    for (String t : tables) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select exists (select 1 from " + quoted(t) + ")")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  private static CopyManager copyApi(Connection c) throws SQLException {
    return c.unwrap(PGConnection.class).getCopyAPI();
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String unquoted(String regclass) {
    return regclass.startsWith("\"")
        ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"")
        : regclass;
  }

  private static String quotedList(List<String> columns) {
    return String.join(", ", columns.stream().map(CatalogTables::quoted).toList());
  }
}
