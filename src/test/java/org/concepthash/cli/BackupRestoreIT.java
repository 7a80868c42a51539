package org.concepthash.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.concepthash.accounts.AccountService;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.backup.BackupException;
import org.concepthash.catalog.backup.CatalogRestore;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.query.ConceptNames;
import org.concepthash.serving.query.QueryImages;
import org.concepthash.serving.query.QueryService;
import org.concepthash.serving.query.SearchAnswer;
import org.concepthash.testing.SearchCatalog;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * {@code backup} of a catalog with a model, labels, a renamed concept and a user, {@code restore}
 * into a fresh data directory on the embedded database: the same searches return the same ids and
 * distances. A truncated archive is refused whole.
 */
class BackupRestoreIT {

  private static final Map<String, Object> QUIET =
      Map.of("concepthash.demo.enabled", false, "concepthash.jobs.worker.enabled", false);

  /** (imageId, distance) of the top results for each of the first catalog images as query. */
  private static List<String> searches(QueryService query, QueryImages images, List<Long> queries)
      throws Exception {
    List<String> answers = new ArrayList<>();
    for (long id : queries) {
      SearchAnswer a = query.search(images.catalogImage(id), 8, 0L);
      answers.add(
          id
              + " -> "
              + a.model().id()
              + " "
              + a.results().stream().map(r -> r.imageId() + ":" + r.distance()).toList());
    }
    return answers;
  }

  private static Map<String, Long> rows(org.concepthash.catalog.backup.BackupManifest m) {
    Map<String, Long> rows = new java.util.TreeMap<>();
    // the user table's last-login column and the like may change; the row counts may not
    m.tables().forEach(t -> rows.put(t.name(), t.rows()));
    return rows;
  }

  @Test
  void aRestoredCatalogAnswersTheSameSearchesAndATruncatedArchiveRestoresNothing()
      throws Exception {
    Path work = Files.createTempDirectory("ch-backup");
    Path archive = work.resolve("catalog-backup.zip");
    Path restored = work.resolve("restored");
    List<String> before;
    String renamedModel;
    try (TestCatalog app = TestCatalog.services()) {
      SearchCatalog.Seeded seeded = SearchCatalog.seed(app, 4, 4);
      renamedModel = seeded.model().id();
      app.bean(ConceptNames.class).rename(renamedModel, 0, "crest");
      app.createUser("backup-curator", Role.CURATOR);
      before =
          searches(
              app.bean(QueryService.class),
              app.bean(QueryImages.class),
              seeded.imageIds().subList(0, 6));

      // while the catalog is in use
      assertEquals(
          0,
          Main.run(
              "backup",
              "--out",
              archive.toString(),
              "--data-dir",
              app.dataDir().toString(),
              "--database-url",
              app.database().jdbcUrl()));
    }
    assertTrue(Files.size(archive) > 0);
    assertFalse(Files.exists(archive.resolveSibling(archive.getFileName() + ".partial")));

    // a cut-short copy: refused with a clear message, nothing written
    Path truncated = work.resolve("truncated.zip");
    byte[] bytes = Files.readAllBytes(archive);
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 3 / 4));
    Path notRestored = work.resolve("not-restored");
    BackupException refused =
        assertThrows(
            BackupException.class,
            () ->
                CatalogRestore.restore(
                    truncated,
                    notRestored,
                    dir -> {
                      throw new AssertionError("the database must not be touched");
                    }));
    assertTrue(refused.getMessage().contains("incomplete or damaged"), refused.getMessage());
    assertTrue(refused.getMessage().contains("nothing was restored"), refused.getMessage());
    assertFalse(Files.exists(notRestored), "nothing written for a truncated archive");
    assertEquals(
        2, Main.run("restore", truncated.toString(), "--data-dir", notRestored.toString()));
    assertFalse(Files.exists(notRestored));

    try {
      assertEquals(0, Main.run("restore", archive.toString(), "--data-dir", restored.toString()));
      assertEquals(
          2,
          Main.run("restore", archive.toString(), "--data-dir", restored.toString()),
          "a second restore into the same, now full, directory is refused");
      CatalogOptions options = new CatalogOptions();
      options.dataDir = restored;
      try (CatalogApplication app = CatalogApplication.start(options, QUIET)) {
        var ctx = app.context();
        List<Long> queries = new ArrayList<>();
        for (String line : before) {
          queries.add(Long.parseLong(line.substring(0, line.indexOf(' '))));
        }
        assertEquals(
            before,
            searches(ctx.getBean(QueryService.class), ctx.getBean(QueryImages.class), queries));
        assertEquals(
            "crest",
            ctx.getBean(ModelRegistry.class)
                .find(renamedModel)
                .orElseThrow()
                .conceptNames()
                .get(0));
        assertTrue(ctx.getBean(AccountService.class).find("backup-curator").isPresent());

        // a backup of the running embedded catalog goes through the server it started (pid file,
        // port)
        Path again = work.resolve("again.zip");
        assertEquals(
            0, Main.run("backup", "--out", again.toString(), "--data-dir", restored.toString()));
        var first = CatalogRestore.verify(archive);
        var second = CatalogRestore.verify(again);
        assertEquals(first.schemaVersion(), second.schemaVersion());
        assertEquals(rows(first), rows(second));
        assertEquals(first.files().size(), second.files().size());
      }
    } finally {
      TestFiles.deleteRecursively(work);
    }
  }
}
