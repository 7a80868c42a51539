package org.concepthash.catalog.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ClassView;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.data.Split;
import org.concepthash.testing.TestCatalog;
import org.junit.jupiter.api.Test;

/** The first-run demo catalog: a labelled parts-world set with families, splits and keypoints. */
class DemoCatalogIT {

  @Test
  void anEmptyEmbeddedCatalogIsFilledOnceWithTheSyntheticPartsWorld() throws Exception {
    try (TestCatalog app =
        TestCatalog.start(
            false,
            Map.of("concepthash.embedded-database", true, "concepthash.demo.image-size", 32))) {
      DemoCatalog demo = app.bean(DemoCatalog.class);
      ImportSummary summary = demo.seed();
      assertEquals(480, summary.imported() + summary.duplicates());
      assertTrue(summary.refused().isEmpty(), summary.refused().toString());
      CatalogService catalog = app.bean(CatalogService.class);
      assertEquals(12, catalog.classes().size());
      assertEquals(4, catalog.classes().stream().map(ClassView::family).distinct().count());
      assertEquals(
          0,
          catalog.list(new ImageFilter(null, null, false, null), 0, 1).totalSize(),
          "all labelled");
      assertEquals(
          240, catalog.list(new ImageFilter(null, null, null, Split.TEST), 0, 1).totalSize());
      try (Connection c = app.database().connect();
          ResultSet rs =
              c.createStatement()
                  .executeQuery("select count(distinct image_id) from image_keypoint")) {
        rs.next();
        assertEquals(summary.imported(), rs.getInt(1), "every demo image keeps its part keypoints");
      }
      assertTrue(Files.exists(app.dataDir().resolve("demo/seeded")));
    }
  }

  @Test
  void anExternalDatabaseGetsNoDemoContent() {
    try (TestCatalog app = TestCatalog.services()) {
      assertTrue(app.context().findBean(DemoCatalog.class).isEmpty());
    }
  }
}
