package org.concepthash.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.NewClass;
import org.concepthash.code.BinaryCodes;
import org.concepthash.data.Split;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.SearchFilter;
import org.concepthash.search.SearchHit;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The search index is rebuilt from the codes PostgreSQL stores for the active model version. */
class CatalogSearchIndexIT {

  private static TestCatalog app;
  private static final Map<Long, Long> codes = new HashMap<>();
  private static final List<Long> hawks = new ArrayList<>();

  @BeforeAll
  static void seed() throws Exception {
    app = TestCatalog.services();
    CatalogService catalog = app.bean(CatalogService.class);
    ImageIngest ingest = app.bean(ImageIngest.class);
    catalog.createClass(new NewClass("red_tailed_hawk", null, "hawk"), "test");
    catalog.createClass(new NewClass("herring_gull", null, "gull"), "test");
    Random random = new Random(7);
    exec(
        "insert into model_version (id, code_bits, concepts, bits_per_concept, package_key,"
            + " package_sha256, created_by, active) values ('v1', 64, 4, 16, 'k', '"
            + "a".repeat(64)
            + "', 't', true)");
    exec(
        "insert into model_version (id, code_bits, concepts, bits_per_concept, package_key,"
            + " package_sha256, created_by) values ('v2', 64, 4, 16, 'k', '"
            + "a".repeat(64)
            + "', 't')");
    for (int i = 0; i < 30; i++) {
      String label = i % 3 == 0 ? "red_tailed_hawk" : i % 3 == 1 ? "herring_gull" : null;
      long id =
          ingest
              .ingest(
                  new ByteArrayInputStream(TestImages.png(8, 8, 1000 + i)),
                  IngestRequest.upload(
                      "i" + i + ".png", label, i < 20 ? Split.TRAIN : Split.TEST, "t"))
              .image()
              .id();
      long code = random.nextLong() & 0xFFFF_FFFF_0000_FFFFL; // many ties on concept 1
      codes.put(id, code);
      if (i % 3 == 0) {
        hawks.add(id);
      }
      insertCode("v1", id, code);
      insertCode("v2", id, ~code);
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static void exec(String sql) throws Exception {
    try (Connection c = app.database().connect()) {
      c.createStatement().execute(sql);
    }
  }

  private static void insertCode(String version, long imageId, long code) throws Exception {
    try (Connection c = app.database().connect();
        PreparedStatement s = c.prepareStatement("insert into image_code values (?, ?, ?)")) {
      s.setString(1, version);
      s.setLong(2, imageId);
      s.setBytes(3, BinaryCodes.wordsToBytes(new long[] {code}));
      s.executeUpdate();
    }
  }

  @Test
  void aFreshStartLoadsTheActiveVersionsCodesAndRanksThemExactly() {
    Map<String, Object> props = new HashMap<>(app.database().properties());
    props.put("concepthash.data-dir", app.dataDir().toString());
    try (ApplicationContext restarted =
        ApplicationContext.builder().deduceEnvironment(false).properties(props).start()) {
      HammingIndex index = restarted.getBean(CatalogSearchIndex.class).index().orElseThrow();
      assertEquals("v1", index.modelVersion());
      assertEquals(30, index.snapshot().size());
      long query = codes.values().iterator().next();
      List<SearchHit> hits = index.topK(new long[] {query}, 30, 0xFL, SearchFilter.NONE).hits();
      List<Long> expected =
          codes.entrySet().stream()
              .sorted(
                  (a, b) -> {
                    int da = Long.bitCount(a.getValue() ^ query);
                    int db = Long.bitCount(b.getValue() ^ query);
                    return da != db
                        ? Integer.compare(da, db)
                        : Long.compare(a.getKey(), b.getKey());
                  })
              .map(Map.Entry::getKey)
              .toList();
      assertEquals(expected, hits.stream().map(SearchHit::imageId).toList());
    }
  }

  @Test
  void filtersUseTheCatalogsLabelsAndFamilies() throws Exception {
    CatalogSearchIndex catalogIndex = app.bean(CatalogSearchIndex.class);
    catalogIndex.reload();
    int hawk = catalogIndex.familyId("hawk").orElseThrow();
    List<SearchHit> hits =
        catalogIndex
            .index()
            .orElseThrow()
            .topK(new long[] {0L}, 100, 0xFL, SearchFilter.NONE.withFamily(hawk))
            .hits();
    assertEquals(
        hawks.stream().sorted().toList(), hits.stream().map(SearchHit::imageId).sorted().toList());
    List<SearchHit> unlabelled =
        catalogIndex
            .index()
            .orElseThrow()
            .topK(
                new long[] {0L},
                100,
                0xFL,
                SearchFilter.NONE.withLabels(SearchFilter.LabelState.UNLABELLED))
            .hits();
    assertEquals(10, unlabelled.size());
  }

  @Test
  void activatingAnotherVersionAndReloadingSwapsEveryCode() throws Exception {
    CatalogSearchIndex catalogIndex = app.bean(CatalogSearchIndex.class);
    try {
      exec("update model_version set active = false where id = 'v1'");
      exec("update model_version set active = true where id = 'v2'");
      catalogIndex.reload();
      HammingIndex index = catalogIndex.index().orElseThrow();
      assertEquals("v2", index.modelVersion());
      long someId = codes.keySet().iterator().next();
      SearchHit top =
          index.topK(new long[] {~codes.get(someId)}, 1, 0xFL, SearchFilter.NONE).hits().get(0);
      assertEquals(0, top.distance());
      assertTrue(index.snapshot().entries().allMatch(e -> e.code()[0] == ~codes.get(e.imageId())));
    } finally {
      exec("update model_version set active = false where id = 'v2'");
      exec("update model_version set active = true where id = 'v1'");
      catalogIndex.reload();
    }
  }

  @Test
  void aCommittedLabelChangeReachesTheIndexAndARolledBackOneDoesNot() throws Exception {
    CatalogSearchIndex catalogIndex = app.bean(CatalogSearchIndex.class);
    CatalogService catalog = app.bean(CatalogService.class);
    catalogIndex.reload();
    long hawk = hawks.get(0);
    long gullClass = catalog.findClass("herring_gull").orElseThrow().id();
    try {
      catalog.setLabel(hawk, "herring_gull", "test");
      assertEquals(
          gullClass,
          catalogIndex.index().orElseThrow().snapshot().get(hawk).orElseThrow().classId());

      // all or none: the missing image fails the batch after the first image was relabelled in it
      long other = hawks.get(1);
      org.junit.jupiter.api.Assertions.assertThrows(
          CatalogException.class,
          () -> catalog.setLabels(List.of(other, -1L), "herring_gull", false, "test"));
      assertEquals("red_tailed_hawk", catalog.find(other).orElseThrow().label());
      long hawkClass = catalog.findClass("red_tailed_hawk").orElseThrow().id();
      assertEquals(
          hawkClass,
          catalogIndex.index().orElseThrow().snapshot().get(other).orElseThrow().classId());
    } finally {
      catalog.setLabel(hawk, "red_tailed_hawk", "test");
    }
    assertEquals(
        catalog.findClass("red_tailed_hawk").orElseThrow().id(),
        catalogIndex.index().orElseThrow().snapshot().get(hawk).orElseThrow().classId());
  }
}
