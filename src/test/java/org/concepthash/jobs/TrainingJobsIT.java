package org.concepthash.jobs;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.importer.DatasetImporter;
import org.concepthash.data.Dataset;
import org.concepthash.data.PartsWorldReader;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.IndexEntry;
import org.concepthash.search.IndexSnapshot;
import org.concepthash.search.SearchFilter;
import org.concepthash.search.SearchHit;
import org.concepthash.search.SearchResult;
import org.concepthash.serving.CatalogSearchIndex;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ServingModel;
import org.concepthash.testing.Multipart;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestFiles;
import org.concepthash.ui.MicronautKaribu;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Training jobs end to end on a real PostgreSQL with real DJL training (parts-tiny, a few epochs on
 * a 6-class parts world), the real exporter, ONNX Runtime encoding and the search index. One model
 * is trained and shared by the tests, which run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingJobsIT {

  private static final int CLASSES = 6;
  private static final int PER_CLASS = 16;
  private static final int EPOCHS = 4;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static TestCatalog app;
  private static Path data;
  private static TrainingJobs jobs;
  private static JobQueue queue;
  private static JobPipeline pipeline;
  private static JobsConfig config;
  private static ModelRegistry registry;
  private static long trainedJob;
  private static String trainedModel;
  private static JobWorker worker;

  /** Starting jobs and activating models are an admin's (AccessControlIT checks the roles). */
  private static String adminToken;

  @BeforeAll
  static void seed() throws Exception {
    app =
        TestCatalog.start(
            true,
            Map.of(
                "concepthash.jobs.stale-after", "1s",
                "concepthash.jobs.heartbeat-interval", "200ms",
                "concepthash.jobs.poll-interval", "200ms",
                "concepthash.encoder.batch", 16));
    adminToken = app.tokenFor(Role.ADMIN);
    data = Files.createTempDirectory("jobs-parts");
    PartsWorldWriter.write(new PartsWorldConfig(CLASSES, PER_CLASS, 64, 7, 0.5), data, i -> {});
    Dataset dataset = new PartsWorldReader().read(data);
    app.bean(DatasetImporter.class)
        .importDataset(dataset, data, Integer.MAX_VALUE, "test", i -> {});
    jobs = app.bean(TrainingJobs.class);
    queue = app.bean(JobQueue.class);
    pipeline = app.bean(JobPipeline.class);
    config = app.bean(JobsConfig.class);
    registry = app.bean(ModelRegistry.class);
  }

  @AfterAll
  static void stop() {
    if (worker != null) {
      worker.stop();
    }
    app.close();
    TestFiles.deleteRecursively(data);
  }

  @Test
  @Order(1)
  void repeatedRequestsAndIdempotencyKeysStartOneJob() throws Exception {
    JobQueue.Enqueued first =
        jobs.start(new JobRequest("parts-tiny", null, EPOCHS, true), null, "alice");
    JobQueue.Enqueued again =
        jobs.start(new JobRequest("parts-tiny", null, EPOCHS, true), null, "bob");
    assertTrue(first.created());
    assertFalse(again.created());
    assertEquals(first.job().id(), again.job().id());
    assertEquals(
        CLASSES * PER_CLASS, first.job().images(), "every labelled image is in the snapshot");
    trainedJob = first.job().id();

    // the same request over REST (a second tab) gets the same job, 202 with the job's JSON
    HttpResponse<String> rest =
        post("/api/training-jobs", "{\"recipe\":\"parts-tiny\",\"epochs\":" + EPOCHS + "}", null);
    assertEquals(202, rest.statusCode(), rest.body());
    JsonObject job = json(rest);
    assertEquals(trainedJob, job.get("id").getAsLong());
    assertEquals("queued", job.get("state").getAsString());
    assertTrue(job.has("stage"));
    assertTrue(job.get("progress").isJsonObject());

    // an Idempotency-Key returns its job even when the body differs (a retried request)
    JsonObject keyed =
        json(
            post(
                "/api/training-jobs",
                "{\"recipe\":\"parts-tiny\",\"epochs\":7,\"bits\":16}",
                "k-1"));
    assertNotEquals(trainedJob, keyed.get("id").getAsLong());
    assertEquals(16, keyed.get("bits").getAsInt());
    JsonObject retried =
        json(post("/api/training-jobs", "{\"recipe\":\"parts-tiny\",\"epochs\":9}", "k-1"));
    assertEquals(keyed.get("id").getAsLong(), retried.get("id").getAsLong());

    // cancelling a queued job is immediate
    JsonObject cancelled =
        json(post("/api/training-jobs/" + keyed.get("id").getAsLong() + "/cancel", "", null));
    assertEquals("cancelled", cancelled.get("state").getAsString());
    assertNotNull(cancelled.get("finishedAt"));
    assertEquals(
        "cancelled",
        json(get("/api/training-jobs/" + keyed.get("id").getAsLong())).get("state").getAsString());

    HttpResponse<String> unknown =
        post("/api/training-jobs", "{\"recipe\":\"no-such-recipe\"}", null);
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("unknown recipe"), unknown.body());
    HttpResponse<String> oddBits =
        post("/api/training-jobs", "{\"recipe\":\"parts-tiny\",\"bits\":30}", null);
    assertEquals(400, oddBits.statusCode(), "30 bits cannot be shared by 4 concepts");
    assertEquals(404, get("/api/training-jobs/999999").statusCode());
    assertTrue(
        JsonParser.parseString(get("/api/training-jobs/999999").body())
            .getAsJsonObject()
            .has("error"));
  }

  @Test
  @Order(2)
  void aWorkerKilledMidTrainingIsReplacedAndTheJobResumesFromItsCheckpoint() throws Exception {
    JobWorker first = new JobWorker(queue, pipeline, config).start();
    // the first epoch is checkpointed and reported, the second one under way
    await(
        Duration.ofMinutes(6),
        () -> queue.find(trainedJob).orElseThrow().log().contains("epoch 1/" + EPOCHS + " done"),
        "the first epoch");
    first.abandon(); // as if the process died: the job stays running under the dead worker
    // and as if it died between two heartbeats: its row's loss history predates the epochs it
    // finished
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(app.database().jdbcUrl(), "postgres", "");
        java.sql.PreparedStatement s =
            c.prepareStatement(
                "update training_job set progress = ((progress::jsonb) - 'epochLosses' -"
                    + " 'evaluations')::text where id = ?")) {
      s.setLong(1, trainedJob);
      assertEquals(1, s.executeUpdate());
    }
    TrainingJob orphan = queue.find(trainedJob).orElseThrow();
    assertEquals(JobState.RUNNING, orphan.state());
    assertEquals(first.name(), orphan.worker());
    assertEquals(JobStage.TRAIN, orphan.stage());

    worker = new JobWorker(queue, pipeline, config).start(); // requeues the stale job and takes it
    await(
        Duration.ofMinutes(8),
        () -> queue.find(trainedJob).orElseThrow().state().finished(),
        "job end");
    TrainingJob done = queue.find(trainedJob).orElseThrow();
    assertEquals(JobState.SUCCEEDED, done.state(), done.error() + "\n" + done.log());
    assertEquals(JobStage.ACTIVATE, done.stage());
    assertEquals(worker.name(), done.worker());
    trainedModel = done.modelVersionId();
    assertNotNull(trainedModel);

    JsonObject progress = JsonParser.parseString(done.progress()).getAsJsonObject();
    int resumedFrom = progress.get("resumedFromEpoch").getAsInt();
    assertTrue(resumedFrom >= 1 && resumedFrom < EPOCHS, "resumed from epoch " + resumedFrom);
    assertTrue(
        done.log().contains("resuming training from the checkpoint of epoch " + resumedFrom),
        done.log());
    // every epoch was finished exactly once, across both workers
    Map<Integer, Integer> finished = new ConcurrentHashMap<>();
    Matcher m = Pattern.compile("epoch (\\d+)/" + EPOCHS + " done").matcher(done.log());
    while (m.find()) {
      finished.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
    }
    assertEquals(1, finished.get(1), done.log());
    for (int e = 1; e <= EPOCHS; e++) {
      // the log holds what each worker reported: epochs after the checkpoint ran once under the
      // second
      // worker; the first worker's lines after its last heartbeat are lost with it; none ran twice
      if (e > resumedFrom) {
        assertEquals(1, finished.getOrDefault(e, 0), "epoch " + e + "\n" + done.log());
      }
      assertTrue(finished.getOrDefault(e, 0) <= 1, "epoch " + e + " repeated\n" + done.log());
    }
    assertEquals(
        List.of("snapshot", "train", "evaluate", "export", "encode", "activate"),
        strings(progress.getAsJsonArray("stagesDone")));
    // the loss history has every epoch once, including those finished after the first worker's last
    // report
    List<Integer> lossEpochs = new java.util.ArrayList<>();
    progress
        .getAsJsonArray("epochLosses")
        .forEach(e -> lossEpochs.add(e.getAsJsonObject().get("epoch").getAsInt()));
    assertEquals(
        java.util.stream.IntStream.rangeClosed(1, EPOCHS).boxed().toList(),
        lossEpochs,
        done.progress());
    assertFalse(progress.getAsJsonArray("evaluations").isEmpty());
    assertTrue(progress.getAsJsonArray("curve").size() >= EPOCHS);
    assertTrue(
        progress.getAsJsonObject("test").get("queries").getAsInt() > 0,
        "held-out evaluation recorded");
    assertEquals(CLASSES * PER_CLASS, progress.get("encoded").getAsInt());
    JsonObject evaluation =
        progress.getAsJsonObject("evaluation"); // the package, scored with ONNX Runtime
    assertEquals(CLASSES * PER_CLASS / 2, evaluation.get("queries").getAsInt());
    assertTrue(evaluation.getAsJsonObject("classes").get("mapAll").getAsDouble() > 0);
    assertTrue(evaluation.getAsJsonObject("families").get("mapAll").getAsDouble() > 0);
    assertFalse(
        evaluation.getAsJsonObject("localisation").getAsJsonArray("concepts").isEmpty(),
        "the catalog's part keypoints reach the evaluation");
    JsonObject parts =
        evaluation.getAsJsonObject("parts"); // part consistency beside the localisation error
    assertEquals(
        CLASSES * PER_CLASS / 2,
        parts.get("images").getAsInt(),
        "every held-out image has keypoints");
    assertEquals(
        evaluation.getAsJsonObject("localisation").getAsJsonArray("concepts").size(),
        parts.getAsJsonArray("concepts").size());
    double chance = parts.getAsJsonObject("chance").get("purity").getAsDouble();
    assertTrue(chance > 0 && chance <= 1, parts.toString());
  }

  @Test
  @Order(3)
  void theTrainedVersionIsActiveAndSearchReturnsItsResults() throws Exception {
    assertEquals(trainedModel, registry.active().orElseThrow().id());
    assertEquals(trainedModel, app.bean(ServingModel.class).current().orElseThrow().id());
    HammingIndex index = app.bean(CatalogSearchIndex.class).index().orElseThrow();
    assertEquals(trainedModel, index.modelVersion());
    assertEquals(CLASSES * PER_CLASS, index.snapshot().size());
    IndexEntry some = index.snapshot().entries().findFirst().orElseThrow();
    SearchResult r =
        index.topK(some.code(), 5, index.snapshot().layout().allConcepts(), SearchFilter.NONE);
    assertEquals(trainedModel, r.modelVersion());
    assertEquals(5, r.hits().size());
    assertEquals(0, r.hits().get(0).distance());

    JsonObject model = findModel(trainedModel);
    assertTrue(model.get("active").getAsBoolean());
    assertEquals(trainedJob, model.get("trainingJob").getAsLong());
    assertEquals("parts-tiny", model.get("recipe").getAsString());
    assertEquals(CLASSES * PER_CLASS, model.get("snapshotImages").getAsInt());
    assertEquals(model.get("concepts").getAsInt(), model.getAsJsonArray("conceptNames").size());
    assertTrue(model.getAsJsonObject("metrics").has("test"), model.toString());
    assertEquals(
        model.get("concepts").getAsInt(),
        model
            .getAsJsonObject("evaluation")
            .getAsJsonObject("localisation")
            .getAsJsonArray("concepts")
            .size());
    // the job's part measurement is stored on the version it registered
    JsonObject measured = model.getAsJsonObject("evaluation").getAsJsonObject("parts");
    JsonObject stored = model.getAsJsonObject("partConsistency");
    assertEquals(measured.get("images").getAsInt(), stored.get("images").getAsInt());
    assertEquals(
        measured.get("meanPurity").getAsDouble(), stored.get("meanPurity").getAsDouble(), 1e-12);
    assertEquals(
        measured.getAsJsonObject("chance").get("purity").getAsDouble(),
        stored.get("chancePurity").getAsDouble(),
        1e-12);
    for (int m = 0; m < model.get("concepts").getAsInt(); m++) {
      JsonObject a = measured.getAsJsonArray("concepts").get(m).getAsJsonObject();
      JsonObject b = stored.getAsJsonArray("concepts").get(m).getAsJsonObject();
      assertEquals(a.get("dominantPart").getAsString(), b.get("dominantPart").getAsString());
      assertEquals(a.get("purity").getAsDouble(), b.get("purity").getAsDouble(), 1e-12);
    }
  }

  @Test
  @Order(4)
  void aRunningJobIsCancelled() throws Exception {
    JobQueue.Enqueued long_ =
        jobs.start(new JobRequest("parts-tiny", null, 200, false), null, "alice");
    long id = long_.job().id();
    await(
        Duration.ofMinutes(4),
        () ->
            JsonParser.parseString(queue.find(id).orElseThrow().progress())
                .getAsJsonObject()
                .has("step"),
        "training started");
    JsonObject requested = json(post("/api/training-jobs/" + id + "/cancel", "", null));
    assertTrue(
        requested.get("cancelRequested").getAsBoolean()
            || "cancelled".equals(requested.get("state").getAsString()));
    await(
        Duration.ofMinutes(2), () -> queue.find(id).orElseThrow().state().finished(), "cancelled");
    TrainingJob cancelled = queue.find(id).orElseThrow();
    assertEquals(JobState.CANCELLED, cancelled.state(), cancelled.log());
    assertEquals(JobStage.TRAIN, cancelled.stage());
    assertEquals(trainedModel, registry.active().orElseThrow().id(), "search keeps its model");
  }

  @Test
  @Order(5)
  void searchesDuringActivationSwitchesAllSeeOneVersion() throws Exception {
    HttpResponse<String> upload =
        HTTP.send(
            multipart(
                new Multipart()
                    .file(
                        "file",
                        "micro-v1.zip",
                        "application/zip",
                        Files.readAllBytes(PackageFixtures.microV1()))
                    .field("activate", "false")),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, upload.statusCode(), upload.body());
    JsonObject micro = JsonParser.parseString(upload.body()).getAsJsonObject();
    String microId = micro.get("id").getAsString();
    assertFalse(micro.get("active").getAsBoolean());
    assertEquals(CLASSES * PER_CLASS, micro.get("encodedImages").getAsInt());

    CatalogSearchIndex search = app.bean(CatalogSearchIndex.class);
    AtomicBoolean switching = new AtomicBoolean(true);
    AtomicReference<String> failure = new AtomicReference<>();
    AtomicInteger checked = new AtomicInteger();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    List<Thread> readers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread reader =
          new Thread(
              () -> {
                while (switching.get() && failure.get() == null) {
                  HammingIndex index = search.index().orElse(null);
                  if (index == null) {
                    failure.set("no index during a switch");
                    return;
                  }
                  IndexSnapshot snapshot = index.snapshot();
                  if (snapshot.size() != CLASSES * PER_CLASS) {
                    failure.set(
                        "a partial index: "
                            + snapshot.size()
                            + " codes of "
                            + snapshot.modelVersion());
                    return;
                  }
                  IndexEntry query =
                      snapshot
                          .entries()
                          .skip(checked.get() % snapshot.size())
                          .findFirst()
                          .orElseThrow();
                  SearchResult r;
                  try {
                    r =
                        index.topK(
                            query.code(), 10, snapshot.layout().allConcepts(), SearchFilter.NONE);
                  } catch (RuntimeException e) {
                    if (index.modelVersion().equals(snapshot.modelVersion())) {
                      failure.set("search failed: " + e);
                    }
                    continue; // the query was read from the version before the switch: not a search
                    // the app makes
                  }
                  if (!r.modelVersion().equals(snapshot.modelVersion())) {
                    continue; // as above
                  }
                  seen.add(r.modelVersion());
                  for (SearchHit hit : r.hits()) {
                    long[] code = snapshot.get(hit.imageId()).orElseThrow().code();
                    if (hamming(query.code(), code) != hit.distance()) {
                      failure.set(
                          "hit "
                              + hit.imageId()
                              + " is not ranked by "
                              + r.modelVersion()
                              + "'s codes");
                    }
                  }
                  if (r.hits().get(0).distance() != 0) {
                    failure.set("the query's own code is not at distance 0");
                  }
                  checked.incrementAndGet();
                }
              },
              "search-reader-" + t);
      reader.start();
      readers.add(reader);
    }
    try {
      for (int i = 0; i < 3; i++) {
        for (String id : List.of(microId, trainedModel)) {
          HttpResponse<String> activated = post("/api/models/" + id + "/activate", "", null);
          assertEquals(200, activated.statusCode(), activated.body());
          assertTrue(json(activated).get("active").getAsBoolean());
          assertEquals(id, registry.active().orElseThrow().id());
          assertEquals(id, search.index().orElseThrow().modelVersion());
          assertEquals(id, app.bean(ServingModel.class).current().orElseThrow().id());
          Thread.sleep(100);
        }
      }
    } finally {
      switching.set(false);
      for (Thread reader : readers) {
        reader.join();
      }
    }
    assertEquals(null, failure.get());
    assertTrue(checked.get() > 10, "searches checked: " + checked.get());
    assertEquals(Set.of(microId, trainedModel), seen);
    // the list shows both, one active: the previous version stays for one-click rollback
    JsonArray models = JsonParser.parseString(get("/api/models").body()).getAsJsonArray();
    assertEquals(2, models.size());
    assertTrue(findModel(trainedModel).get("active").getAsBoolean());
    assertFalse(findModel(microId).get("active").getAsBoolean());
    assertTrue(findModel(microId).get("trainingJob").isJsonNull());
  }

  @Test
  @Order(6)
  void theTrainingAndModelsViewsShowJobsChartsAndRollBack() throws Exception {
    MicronautKaribu.setup(app.context());
    MicronautKaribu.signIn("test-admin", Role.ADMIN);
    try {
      UI.getCurrent().navigate("training");
      @SuppressWarnings("unchecked")
      Grid<TrainingJob> grid = _get(Grid.class, spec -> spec.withId("training-jobs"));
      TrainingJob trained =
          grid.getListDataView()
              .getItems()
              .filter(j -> j.id() == trainedJob)
              .findFirst()
              .orElseThrow();
      grid.select(trained);
      String losses =
          _get(Div.class, spec -> spec.withId("training-loss-chart"))
              .getElement()
              .getProperty("innerHTML");
      for (String series : List.of("total", "clf", "quan", "cd", "csd")) {
        assertTrue(losses.contains("data-series='" + series + "'"), series + " curve in " + losses);
      }
      assertTrue(
          _get(Div.class, spec -> spec.withId("training-map-chart"))
              .getElement()
              .getProperty("innerHTML")
              .contains("data-series='mAP@all'"));
      assertTrue(
          _get(Span.class, spec -> spec.withId("training-status"))
              .getText()
              .contains("held-out mAP@all"));
      assertTrue(
          _get(Pre.class, spec -> spec.withId("training-log")).getText().contains("succeeded"));
      assertEquals(
          1.0, _get(ProgressBar.class, spec -> spec.withId("training-progress")).getValue(), 1e-9);
      assertFalse(_get(Button.class, spec -> spec.withId("training-cancel")).isEnabled());

      // a job started from the form, then cancelled from the view while it waits for a worker
      worker.stop();
      worker = null;
      _get(IntegerField.class, spec -> spec.withId("training-epochs")).setValue(3);
      _click(_get(Button.class, spec -> spec.withId("training-start")));
      TrainingJob started = jobs.recent(1).get(0);
      assertEquals(JobState.QUEUED, started.state());
      assertEquals(3, started.request().epochs());
      assertTrue(
          _get(H3.class, spec -> spec.withId("training-job-title"))
              .getText()
              .contains("Job " + started.id()));
      _click(_get(Button.class, spec -> spec.withId("training-cancel")));
      assertEquals(JobState.CANCELLED, queue.find(started.id()).orElseThrow().state());

      UI.getCurrent().navigate("models");
      @SuppressWarnings("unchecked")
      Grid<org.concepthash.serving.ModelVersion> models =
          _get(Grid.class, spec -> spec.withId("models-grid"));
      assertEquals(2, models.getListDataView().getItemCount());
      Button rollback = _get(Button.class, spec -> spec.withId("models-rollback"));
      String previous =
          registry.list().stream().filter(v -> !v.active()).findFirst().orElseThrow().id();
      assertEquals("Roll back to " + previous, rollback.getText());
      _click(rollback);
      assertEquals(previous, registry.active().orElseThrow().id());
      assertEquals(
          previous, app.bean(CatalogSearchIndex.class).index().orElseThrow().modelVersion());
      // and back: the rollback target is now the version that was active before
      assertEquals("Roll back to " + trainedModel, rollback.getText());
      _click(rollback);
      assertEquals(trainedModel, registry.active().orElseThrow().id());
    } finally {
      MicronautKaribu.tearDown();
    }
  }

  private static int hamming(long[] a, long[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Long.bitCount(a[i] ^ b[i]);
    }
    return d;
  }

  private static JsonObject findModel(String id) throws Exception {
    for (JsonElement e : JsonParser.parseString(get("/api/models").body()).getAsJsonArray()) {
      if (e.getAsJsonObject().get("id").getAsString().equals(id)) {
        return e.getAsJsonObject();
      }
    }
    throw new AssertionError("no model " + id + " in GET /api/models");
  }

  private static List<String> strings(JsonArray array) {
    List<String> list = new ArrayList<>();
    array.forEach(e -> list.add(e.getAsString()));
    return list;
  }

  private static void await(Duration limit, BooleanSupplier condition, String what)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(100);
    }
  }

  private static HttpResponse<String> post(String path, String body, String idempotencyKey)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(app.uri(path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + adminToken)
            .POST(HttpRequest.BodyPublishers.ofString(body.isEmpty() ? "{}" : body));
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest multipart(Multipart form) {
    return HttpRequest.newBuilder(app.uri("/api/models"))
        .header("Content-Type", form.contentType())
        .header("Authorization", "Bearer " + adminToken)
        .POST(form.publisher())
        .build();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(app.uri(path))
            .header("Authorization", "Bearer " + adminToken)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertTrue(response.statusCode() < 300, response.statusCode() + " " + response.body());
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }
}
