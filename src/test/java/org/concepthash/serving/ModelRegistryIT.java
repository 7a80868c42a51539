package org.concepthash.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ErrorKind;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.NewClass;
import org.concepthash.catalog.store.ImageStore;
import org.concepthash.data.Split;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.onnx.ModelPackage;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.IndexEntry;
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
    ModelManifest.Training training =
        ModelPackage.read(PackageFixtures.microV1()).manifest().training();
    assertEquals(0.4011, training.test().mapAll(), 1e-4, "the fixture's held-out mAP@all");
    assertEquals(
        Optional.of(training),
        registry.find(v.id()).orElseThrow().training(),
        "the package's training evaluation, as the database gives it back");
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

    // a new upload is encoded and searchable at once, under the label, family and split ingest gave
    // it, with the code of its stored pixels
    byte[] png = TestImages.encode(TestImages.noise(40, 40, 99), "png");
    long added =
        app.bean(ImageIngest.class)
            .ingest(
                new ByteArrayInputStream(png),
                IngestRequest.upload("new.png", "gull", Split.TEST, "test"))
            .image()
            .id();
    IndexEntry entry = index.snapshot().get(added).orElseThrow();
    assertEquals(
        app.bean(CatalogService.class).findClass("gull").orElseThrow().id(), entry.classId());
    assertEquals(
        app.bean(CatalogSearchIndex.class).familyId("larids").orElseThrow(), entry.familyId());
    assertEquals(Split.TEST, entry.split());
    BufferedImage pixels =
        app.bean(ImageStore.class)
            .readImage(app.bean(CatalogService.class).storageKey(added).orElseThrow());
    assertArrayEquals(serving.encoder().encode(pixels).words(), entry.code());
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
