package org.concepthash.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ClassView;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.catalog.ImageView;
import org.concepthash.data.Dataset;
import org.concepthash.data.Datasets;
import org.concepthash.data.Split;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports into a real catalog on PostgreSQL; each test uses content no other test imports. */
class DatasetImportIT {

  private static TestCatalog catalog;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    catalog = TestCatalog.services();
  }

  @AfterAll
  static void stop() {
    catalog.close();
  }

  @Test
  void importsClassesLabelsSplitsAndKeypointsAndASecondRunAddsNothing() throws Exception {
    Path root = world(3, 4, 101);
    Dataset dataset = Datasets.read(root, Optional.empty());
    DatasetImporter importer = catalog.bean(DatasetImporter.class);
    CatalogService service = catalog.bean(CatalogService.class);

    ImportSummary first =
        importer.importDataset(dataset, root, Integer.MAX_VALUE, "tester", n -> {});
    assertEquals(new ImportSummary(12, 0, 0, List.of()), first);

    for (var c : dataset.classes()) {
      ClassView created = service.findClass(c.name()).orElseThrow();
      assertEquals(c.displayName(), created.displayName());
      assertEquals(c.family(), created.family());
    }
    List<ImageView> ofClass1 =
        service
            .list(new ImageFilter(dataset.classes().get(1).name(), null, null, null), 0, 100)
            .content();
    assertEquals(4, ofClass1.size());
    assertEquals(2, ofClass1.stream().filter(i -> i.split().equals("train")).count());
    assertEquals("import:parts", ofClass1.get(0).source());
    List<ImageView> all = imagesOf(dataset, service);
    assertEquals(12, all.size());
    String ids = String.join(",", all.stream().map(i -> Long.toString(i.id())).toList());
    assertEquals(
        12 * 5, count("select count(*) from image_keypoint where image_id in (" + ids + ")"));

    ImportSummary again =
        importer.importDataset(dataset, root, Integer.MAX_VALUE, "tester", n -> {});
    assertEquals(
        new ImportSummary(0, 0, 12, List.of()),
        again,
        "the journal lets the re-run skip everything");

    deleteJournals();
    ImportSummary withoutJournal =
        importer.importDataset(dataset, root, Integer.MAX_VALUE, "tester", n -> {});
    assertEquals(
        new ImportSummary(0, 12, 0, List.of()),
        withoutJournal,
        "the ingest still recognises the content");
    assertEquals(12, imagesOf(dataset, service).size());
  }

  @Test
  void anInterruptedImportResumesWhereItStopped() throws Exception {
    Path root = world(3, 4, 202);
    Dataset dataset = Datasets.read(root, Optional.empty());
    DatasetImporter importer = catalog.bean(DatasetImporter.class);

    RuntimeException stop =
        assertThrows(
            RuntimeException.class,
            () ->
                importer.importDataset(
                    dataset,
                    root,
                    Integer.MAX_VALUE,
                    "tester",
                    n -> {
                      if (n == 5) {
                        throw new RuntimeException("interrupted");
                      }
                    }));
    assertEquals("interrupted", stop.getMessage());

    ImportSummary resumed =
        importer.importDataset(dataset, root, Integer.MAX_VALUE, "tester", n -> {});
    assertEquals(new ImportSummary(7, 0, 5, List.of()), resumed);
  }

  @Test
  void refusedImagesAreReportedWithReasonsAndTheOthersImported() throws Exception {
    Path root = tmp.resolve("folder");
    Files.createDirectories(root.resolve("Oak_Titmouse"));
    Files.write(root.resolve("Oak_Titmouse/good1.png"), TestImages.png(40, 30, 301));
    Files.write(root.resolve("Oak_Titmouse/good2.png"), TestImages.png(41, 30, 302));
    Files.write(
        root.resolve("Oak_Titmouse/broken.jpg"),
        new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
    Dataset dataset = Datasets.read(root, Optional.empty());

    ImportSummary summary =
        catalog
            .bean(DatasetImporter.class)
            .importDataset(dataset, root, Integer.MAX_VALUE, "tester", n -> {});

    assertEquals(2, summary.imported());
    assertEquals(1, summary.refused().size());
    assertEquals("Oak_Titmouse/broken.jpg", summary.refused().get(0).key());
    assertTrue(!summary.refused().get(0).reason().isBlank());
    ImageView one =
        catalog
            .bean(CatalogService.class)
            .list(new ImageFilter("Oak_Titmouse", null, null, Split.UNSPECIFIED), 0, 10)
            .content()
            .get(0);
    assertEquals("Oak Titmouse", one.labelDisplayName());
  }

  @Test
  void theLimitImportsOnlyTheFirstItems() throws Exception {
    Path root = world(2, 3, 404);
    Dataset dataset = Datasets.read(root, Optional.empty());
    ImportSummary summary =
        catalog.bean(DatasetImporter.class).importDataset(dataset, root, 2, "tester", n -> {});
    assertEquals(new ImportSummary(2, 0, 0, List.of()), summary);
  }

  private Path world(int classes, int perClass, long seed) throws IOException {
    Path root = tmp.resolve("world-" + seed);
    PartsWorldWriter.write(new PartsWorldConfig(classes, perClass, 32, seed, 0.5), root, n -> {});
    return root;
  }

  private void deleteJournals() throws IOException {
    try (Stream<Path> files = Files.list(catalog.dataDir().resolve("imports"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  private static List<ImageView> imagesOf(Dataset dataset, CatalogService service) {
    return dataset.classes().stream()
        .flatMap(
            c ->
                service
                    .list(new ImageFilter(c.name(), null, null, null), 0, 500)
                    .content()
                    .stream())
        .toList();
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = catalog.database().connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
