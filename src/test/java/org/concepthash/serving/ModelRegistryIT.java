package org.concepthash.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ErrorKind;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.NewClass;
import org.concepthash.data.Split;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.SearchFilter;
import org.concepthash.search.SearchResult;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registering, encoding and activating model packages against a real catalog and real ONNX Runtime.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelRegistryIT {

  private static TestCatalog app;
  private static ModelRegistry registry;
  private static final List<Long> imageIds = new ArrayList<>();

  @BeforeAll
  static void seed() throws Exception {
    app = TestCatalog.start(false, java.util.Map.of("concepthash.encoder.batch", 4));
    registry = app.bean(ModelRegistry.class);
    app.bean(CatalogService.class).createClass(new NewClass("gull", null, "larids"), "test");
    ImageIngest ingest = app.bean(ImageIngest.class);
    for (int i = 0; i < 10; i++) {
      byte[] png = TestImages.encode(TestImages.quadrants(40, 40, i), "png");
      imageIds.add(
          ingest
              .ingest(
                  new ByteArrayInputStream(png),
                  IngestRequest.upload(
                      "q" + i + ".png", i % 2 == 0 ? "gull" : null, Split.TRAIN, "test"))
              .image()
              .id());
    }
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @Order(1)
  void cancelledRegistrationResumesWhereItStopped() throws Exception {
    AtomicInteger checks = new AtomicInteger();
    // cancellation is checked before every batch of 4: the second check cancels
    assertThrows(
        CancellationException.class,
        () ->
            registry.register(
                PackageFixtures.microV1(),
                "alice",
                EncodingProgress.NONE,
                () -> checks.incrementAndGet() > 1));
    ModelVersion partial = registry.list().get(0);
    assertEquals(4, partial.encodedImages());
    assertFalse(partial.active());
  }

  @Test
  @Order(2)
  void registersEncodesActivatesAndServesNewUploads() throws Exception {
    List<long[]> progress = new ArrayList<>();
    ModelVersion v =
        registry.register(
            PackageFixtures.microV1(),
            "alice",
            (d, t) -> progress.add(new long[] {d, t}),
            () -> false);
    assertEquals(10, v.encodedImages());
    assertFalse(v.active());
    assertEquals(List.of("head", "tail"), v.conceptNames());
    assertEquals(8, v.bits());
    assertEquals(
        List.of(4L, 8L, 10L),
        progress.stream().map(p -> p[0]).toList(),
        "resumed at 4, batches of 4");
    assertTrue(progress.stream().allMatch(p -> p[1] == 10));

    // registering again is idempotent
    assertEquals(
        v.id(),
        registry
            .register(PackageFixtures.microV1(), "bob", EncodingProgress.NONE, () -> false)
            .id());
    assertEquals(1, registry.list().size());

    ModelVersion active = registry.activate(v.id(), "carol");
    assertTrue(active.active());
    assertEquals("carol", active.activatedBy());
    assertEquals(v.id(), app.bean(ServingModel.class).current().orElseThrow().id());
    HammingIndex index = app.bean(CatalogSearchIndex.class).index().orElseThrow();
    assertEquals(v.id(), index.modelVersion());
    assertEquals(10, index.snapshot().size());

    // the query's own code finds itself at distance 0
    var serving = app.bean(ServingModel.class).current().orElseThrow();
    var stored = app.bean(org.concepthash.catalog.store.ImageStore.class);
    var image =
        javax.imageio.ImageIO.read(
            new ByteArrayInputStream(
                stored.read(
                    app.bean(CatalogService.class).storageKey(imageIds.get(3)).orElseThrow())));
    SearchResult r =
        index.topK(
            serving.encoder().encode(image).words(),
            3,
            index.snapshot().layout().allConcepts(),
            SearchFilter.NONE);
    assertEquals(v.id(), r.modelVersion());
    assertEquals(0, r.hits().get(0).distance());

    // a new upload is encoded and searchable at once
    byte[] png = TestImages.encode(TestImages.noise(40, 40, 99), "png");
    long added =
        app.bean(ImageIngest.class)
            .ingest(
                new ByteArrayInputStream(png),
                IngestRequest.upload("new.png", null, Split.TRAIN, "test"))
            .image()
            .id();
    assertTrue(index.snapshot().get(added).isPresent());
    assertEquals(11, registry.find(v.id()).orElseThrow().encodedImages());

    ModelVersion renamed = registry.renameConcept(v.id(), 1, " beak ");
    assertEquals(List.of("head", "beak"), renamed.conceptNames());
    assertEquals(List.of("head", "beak"), serving().version().conceptNames());
    assertThrows(CatalogException.class, () -> registry.renameConcept(v.id(), 2, "x"));
    assertThrows(CatalogException.class, () -> registry.renameConcept(v.id(), 0, " "));
  }

  @Test
  @Order(3)
  void anotherPackageWithTheSameIdIsRefused(@TempDir Path dir) throws Exception {
    Path edited =
        PackageFixtures.withManifest(
            dir.resolve("edited.zip"), json -> json.replace("\"head\"", "\"crown\""));
    registry.register(PackageFixtures.microV1(), "alice", EncodingProgress.NONE, () -> false);
    CatalogException e =
        assertThrows(
            CatalogException.class,
            () -> registry.register(edited, "alice", EncodingProgress.NONE, () -> false));
    assertEquals(ErrorKind.CONFLICT, e.kind());
  }

  @Test
  void unknownVersionIsNotFound() {
    CatalogException e = assertThrows(CatalogException.class, () -> registry.activate("nope", "x"));
    assertEquals(ErrorKind.NOT_FOUND, e.kind());
  }

  private static ServingModel.Serving serving() {
    return app.bean(ServingModel.class).current().orElseThrow();
  }
}
