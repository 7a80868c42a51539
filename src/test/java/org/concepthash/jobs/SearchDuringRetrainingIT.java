package org.concepthash.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.concepthash.accounts.Role;
import org.concepthash.catalog.importer.DatasetImporter;
import org.concepthash.code.BinaryCodes;
import org.concepthash.code.HexCode;
import org.concepthash.data.Dataset;
import org.concepthash.data.PartsWorldReader;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldWriter;
import org.concepthash.onnx.PackageFixtures;
import org.concepthash.serving.EncodingProgress;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;
import org.concepthash.testing.TestCatalog;
import org.concepthash.testing.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * 32 clients search over REST without pause while a retraining job trains, encodes the catalog and
 * activates its model: no request fails, and every response comes from one model version (its query
 * code and every result distance agree with that version's stored codes; a response that mixed the
 * old index with the new encoder, or the reverse, would not). Prints p50/p99 latency
 * (docs/benchmarks.md records them). Bounded: a 2-epoch parts-tiny job on 72 images.
 */
class SearchDuringRetrainingIT {

  private static final int CLIENTS = 32;
  private static final int CLASSES = 6;
  private static final int PER_CLASS = 12;

  private record Answer(long queryId, int status, long nanos, String body) {}

  @Test
  void searchersSeeNoErrorsAndOneModelVersionPerResponseWhileAJobActivatesANewModel()
      throws Exception {
    Path data = Files.createTempDirectory("load-parts");
    try (TestCatalog app =
        TestCatalog.start(
            true,
            Map.of(
                "concepthash.jobs.heartbeat-interval", "500ms",
                "concepthash.jobs.poll-interval", "200ms",
                "concepthash.encoder.batch", 16))) {
      PartsWorldWriter.write(new PartsWorldConfig(CLASSES, PER_CLASS, 64, 7, 0.5), data, i -> {});
      Dataset dataset = new PartsWorldReader().read(data);
      app.bean(DatasetImporter.class)
          .importDataset(dataset, data, Integer.MAX_VALUE, "test", i -> {});
      ModelRegistry registry = app.bean(ModelRegistry.class);
      ModelVersion first =
          registry.register(PackageFixtures.microV1(), "test", EncodingProgress.NONE, () -> false);
      registry.activate(first.id(), "test");
      List<Long> ids = imageIds(app);
      assertEquals(CLASSES * PER_CLASS, ids.size());

      String token = app.tokenFor(Role.VIEWER);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> clients = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        Thread t =
            new Thread(
                () -> {
                  while (running.get()) {
                    long id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                    HttpRequest request =
                        HttpRequest.newBuilder(app.uri("/api/search"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "{\"imageId\":" + id + ",\"k\":10}"))
                            .build();
                    long start = System.nanoTime();
                    try {
                      HttpResponse<String> r =
                          http.send(request, HttpResponse.BodyHandlers.ofString());
                      answers.add(
                          new Answer(id, r.statusCode(), System.nanoTime() - start, r.body()));
                    } catch (Exception e) {
                      answers.add(new Answer(id, -1, System.nanoTime() - start, e.toString()));
                    }
                  }
                },
                "searcher-" + i);
        t.setDaemon(true);
        clients.add(t);
      }
      clients.forEach(Thread::start);

      JobWorker worker =
          new JobWorker(
                  app.bean(JobQueue.class), app.bean(JobPipeline.class), app.bean(JobsConfig.class))
              .start();
      long job;
      try {
        job =
            app.bean(TrainingJobs.class)
                .start(new JobRequest("parts-tiny", null, 2, true), null, "test")
                .job()
                .id();
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!app.bean(JobQueue.class).find(job).orElseThrow().state().finished()) {
          assertTrue(System.nanoTime() < end, "the job did not finish within 10 minutes");
          Thread.sleep(200);
        }
        Thread.sleep(2000); // searches after the switch, too
      } finally {
        running.set(false);
        for (Thread t : clients) {
          t.join(30_000);
        }
        worker.stop();
      }
      TrainingJob done = app.bean(JobQueue.class).find(job).orElseThrow();
      assertEquals(JobState.SUCCEEDED, done.state(), done.error() + "\n" + done.log());
      String second = done.modelVersionId();

      Map<String, Map<Long, long[]>> codes = new HashMap<>();
      Map<String, Integer> bits = new HashMap<>();
      for (String version : List.of(first.id(), second)) {
        codes.put(version, codes(app, version));
        bits.put(version, registry.find(version).orElseThrow().bits());
      }
      // the index serves the stored codes of the active version
      var snapshot =
          app.bean(org.concepthash.serving.CatalogSearchIndex.class)
              .index()
              .orElseThrow()
              .snapshot();
      assertEquals(second, snapshot.modelVersion());
      for (long id : ids) {
        assertEquals(
            HexCode.format(codes.get(second).get(id), bits.get(second)),
            HexCode.format(snapshot.get(id).orElseThrow().code(), bits.get(second)),
            "image " + id);
      }
      Map<String, Integer> perVersion = new TreeMap<>();
      List<Long> latencies = new ArrayList<>();
      for (Answer a : answers) {
        assertEquals(200, a.status(), a.body());
        latencies.add(a.nanos());
        JsonObject response = JsonParser.parseString(a.body()).getAsJsonObject();
        String version = response.get("model").getAsString();
        assertTrue(codes.containsKey(version), "answered by an unknown model " + version);
        perVersion.merge(version, 1, Integer::sum);
        long[] query =
            HexCode.parse(
                response.getAsJsonObject("query").get("code").getAsString(), bits.get(version));
        for (JsonElement e : response.getAsJsonArray("results")) {
          JsonObject result = e.getAsJsonObject();
          long[] code = codes.get(version).get(result.get("imageId").getAsLong());
          assertEquals(
              distance(query, code),
              result.get("distance").getAsInt(),
              "query image "
                  + a.queryId()
                  + ", result image "
                  + result.get("imageId")
                  + " (stored "
                  + HexCode.format(code, bits.get(version))
                  + "): a distance that is not "
                  + version
                  + "'s over every concept");
        }
      }
      assertTrue(
          perVersion.getOrDefault(first.id(), 0) > 0 && perVersion.getOrDefault(second, 0) > 0,
          "searches before and after the switch: " + perVersion);
      Collections.sort(latencies);
      System.out.printf(
          Locale.ROOT,
          "search during retraining: %d clients, %d searches, 0 errors, per version %s,"
              + " p50 %.1f ms, p99 %.1f ms%n",
          CLIENTS,
          latencies.size(),
          perVersion,
          latencies.get(latencies.size() / 2) / 1e6,
          latencies.get((int) (latencies.size() * 0.99)) / 1e6);
    } finally {
      TestFiles.deleteRecursively(data);
    }
  }

  private static int distance(long[] a, long[] b) {
    int d = 0;
    for (int i = 0; i < a.length; i++) {
      d += Long.bitCount(a[i] ^ b[i]);
    }
    return d;
  }

  private static List<Long> imageIds(TestCatalog app) throws Exception {
    List<Long> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), "postgres", "");
        ResultSet rs = c.createStatement().executeQuery("select id from image order by id")) {
      while (rs.next()) {
        ids.add(rs.getLong(1));
      }
    }
    return ids;
  }

  private static Map<Long, long[]> codes(TestCatalog app, String version) throws Exception {
    Map<Long, long[]> codes = new HashMap<>();
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), "postgres", "");
        PreparedStatement s =
            c.prepareStatement(
                "select image_id, code from image_code where model_version_id = ?")) {
      s.setString(1, version);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          codes.put(rs.getLong(1), BinaryCodes.wordsFromBytes(rs.getBytes(2)));
        }
      }
    }
    return codes;
  }
}
