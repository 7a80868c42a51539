package org.concepthash.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flyway builds schema v1 on a real PostgreSQL, and its constraints refuse inconsistent rows. */
class SchemaConstraintsIT {

  private static final String SHA = "a".repeat(64);
  private static TestCatalog app;

  @BeforeAll
  static void start() throws SQLException {
    app = TestCatalog.services();
    exec(
        "insert into image (sha256, storage_key, media_type, byte_size, width, height,"
            + " original_name, source) values ('"
            + SHA
            + "', 'aa/aa/"
            + SHA
            + ".png', 'image/png', 10, 4, 4, 'a.png', 'test')");
    exec(
        "insert into image_class (name, display_name, created_by) values ('gull', 'gull', 'test')");
    exec(
        "insert into model_version (id, code_bits, concepts, bits_per_concept, package_key,"
            + " package_sha256, created_by) values ('m1', 16, 4, 4, 'models/m1.zip', '"
            + SHA
            + "', 'test')");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void exec(String sql) throws SQLException {
    try (Connection c = app.database().connect();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void refused(String sql) {
    SQLException e = assertThrows(SQLException.class, () -> exec(sql), sql);
    // 23xxx: integrity constraint violation
    assertTrue(e.getSQLState().startsWith("23"), e.getSQLState() + " " + e.getMessage());
  }

  private static long imageId() throws SQLException {
    try (Connection c = app.database().connect();
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("select id from image where sha256 = '" + SHA + "'");
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void migrationsCreatedSchemaVersionOne() throws SQLException {
    try (Connection c = app.database().connect();
        Statement s = c.createStatement()) {
      var rs =
          s.executeQuery(
              "select count(*) from flyway_schema_history where version = '1' and success");
      rs.next();
      assertEquals(1, rs.getInt(1));
      rs = s.executeQuery("select count(*) from flyway_schema_history where not success");
      rs.next();
      assertEquals(0, rs.getInt(1), "every migration applied");
    }
  }

  @Test
  void usersHaveAKnownRoleAndOnlyArgon2idHashes() throws SQLException {
    String hash =
        "'$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g'";
    refused(
        "insert into app_user (username, password_hash, role, created_by) values ('u1',"
            + " 'plain-text', 'viewer', 't')");
    refused(
        "insert into app_user (username, password_hash, role, created_by) values ('u1', "
            + hash
            + ", 'root', 't')");
    refused(
        "insert into app_user (username, password_hash, role, created_by) values ('Bad Name', "
            + hash
            + ", 'viewer', 't')");
    exec(
        "insert into app_user (username, password_hash, role, created_by) values ('u1', "
            + hash
            + ", 'viewer', 't')");
    refused(
        "insert into app_user (username, password_hash, role, created_by) values ('u1', "
            + hash
            + ", 'admin', 't')");
  }

  @Test
  void aLabelNeedsAnExistingClassAndImage() throws SQLException {
    refused(
        "insert into image_label (image_id, class_id, labelled_by) values ("
            + imageId()
            + ", 999999, 't')");
    refused("insert into image_label (image_id, class_id, labelled_by) values (999999, null, 't')");
  }

  @Test
  void anImageHasAtMostOneCurrentLabel() throws SQLException {
    long id = imageId();
    exec(
        "insert into image_label (image_id, class_id, labelled_by) select "
            + id
            + ", id, 't' from image_class where name = 'gull'");
    refused(
        "insert into image_label (image_id, class_id, labelled_by) select "
            + id
            + ", id, 't' from image_class where name = 'gull'");
    exec(
        "insert into image_label (image_id, class_id, current, labelled_by) select "
            + id
            + ", id, false, 't' from image_class where name = 'gull'");
  }

  @Test
  void classNamesAreUniqueAndNotEmpty() {
    refused("insert into image_class (name, display_name, created_by) values ('gull', 'x', 't')");
    refused("insert into image_class (name, display_name, created_by) values ('', 'x', 't')");
  }

  @Test
  void imagesNeedAWellFormedHashSplitAndSize() {
    refused(
        "insert into image (sha256, storage_key, media_type, byte_size, width, height,"
            + " original_name, source) values ('xyz', 'k.png', 'image/png', 1, 1, 1, 'a', 's')");
    String other = "b".repeat(64);
    refused(
        "insert into image (sha256, storage_key, media_type, byte_size, width, height,"
            + " original_name, source, split) values ('"
            + other
            + "', 'bb/bb/"
            + other
            + ".png', 'image/png', 1, 1, 1, 'a', 's', 'validation')");
    refused(
        "insert into image (sha256, storage_key, media_type, byte_size, width, height,"
            + " original_name, source) values ('"
            + other
            + "', 'bb/bb/"
            + other
            + ".png', 'image/png', 1, 0, 1, 'a', 's')");
  }

  @Test
  void atMostOneModelVersionIsActive() throws SQLException {
    exec(
        "insert into model_version (id, code_bits, concepts, bits_per_concept, package_key,"
            + " package_sha256, created_by, active) values ('m2', 16, 4, 4, 'k', '"
            + SHA
            + "', 't', true)");
    refused(
        "insert into model_version (id, code_bits, concepts, bits_per_concept, package_key,"
            + " package_sha256, created_by, active) values ('m3', 16, 4, 4, 'k', '"
            + SHA
            + "', 't', true)");
  }

  @Test
  void codeBitsSplitEvenlyOverConcepts() {
    refused(
        "insert into model_version (id, code_bits, concepts, bits_per_concept, package_key,"
            + " package_sha256, created_by) values ('m4', 16, 3, 5, 'k', '"
            + SHA
            + "', 't')");
  }

  @Test
  void codesAndConceptNamesBelongToAnExistingModelAndHaveWholeWords() throws SQLException {
    long id = imageId();
    refused(
        "insert into image_code (model_version_id, image_id, code) values ('nope', "
            + id
            + ", '\\x0000000000000000')");
    refused(
        "insert into image_code (model_version_id, image_id, code) values ('m1', "
            + id
            + ", '\\x000000')");
    exec(
        "insert into image_code (model_version_id, image_id, code) values ('m1', "
            + id
            + ", '\\x0102030405060708')");
    refused(
        "insert into concept_name (model_version_id, concept_index, name) values ('nope', 0,"
            + " 'head')");
    refused(
        "insert into concept_name (model_version_id, concept_index, name) values ('m1', -1,"
            + " 'head')");
  }

  @Test
  void aFinishedJobRecordsWhenItFinished() {
    refused(
        "insert into training_job (state, recipe, created_by) values ('succeeded', 'parts-tiny',"
            + " 't')");
    refused(
        "insert into training_job (state, recipe, created_by) values ('exploded', 'parts-tiny',"
            + " 't')");
  }
}
