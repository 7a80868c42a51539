package org.concepthash.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.jdbc.DataSourceResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageFilter;
import org.concepthash.catalog.ImageIngest;
import org.concepthash.catalog.IngestRequest;
import org.concepthash.catalog.NewClass;
import org.concepthash.data.Split;
import org.concepthash.data.parts.GeneratedImage;
import org.concepthash.data.parts.PartsWorldConfig;
import org.concepthash.data.parts.PartsWorldGenerator;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.SearchFilter;
import org.concepthash.serving.CatalogSearchIndex;
import org.concepthash.serving.ModelRegistry;
import org.concepthash.serving.ModelVersion;
import org.concepthash.serving.ServingModel;
import org.concepthash.serving.query.QueryImage;
import org.concepthash.serving.query.QueryImages;
import org.concepthash.serving.query.QueryService;
import org.concepthash.serving.query.SearchAnswer;

/**
 * End-to-end query latency: a catalog of parts-world birds, a model package registered and active,
 * and uploaded query pictures (new birds) answered by {@link QueryService} (validation, encoding,
 * ranking, labels, explanations: everything {@code POST /api/search} does except HTTP) from
 * concurrent clients. The peer runs the same queries with the ranking done by PostgreSQL over the
 * stored codes.
 */
public final class QueryBenchmark {

  /**
   * @param images catalog size to reach
   * @param realImages birds ingested and encoded for real; the rest of {@code images} are synthetic
   *     rows whose codes are real codes with bits flipped (see {@link SyntheticCatalog})
   * @param queries timed queries per case
   * @param clients concurrent clients
   * @param imageSize side of the generated birds in pixels
   */
  public record Options(
      int images,
      int realImages,
      int queries,
      int clients,
      int k,
      int imageSize,
      long seed,
      boolean sqlPeer) {}

  private static final int CLASSES = 12;
  private static final int MAX_WARM_UP = 20;

  private final ApplicationContext context;
  private final Options options;
  private final PrintStream progress;

  private final int warmUp;

  public QueryBenchmark(ApplicationContext context, Options options, PrintStream progress) {
    // as many warm-up queries as timed ones, at most 20 (small runs are checks, not measurements)
    this.warmUp = Math.min(MAX_WARM_UP, options.queries());
    this.context = context;
    this.options = options;
    this.progress = progress;
  }

  /** Seeds, activates {@code modelPackage}, measures; returns one JSON object per case. */
  public List<String> run(Path modelPackage) throws Exception {
    int real = Math.min(options.realImages(), options.images());
    int perClass = (real + CLASSES - 1) / CLASSES;
    PartsWorldGenerator world =
        new PartsWorldGenerator(
            new PartsWorldConfig(CLASSES, perClass, options.imageSize(), options.seed(), 0.5));
    seed(world, perClass, real);
    ModelRegistry registry = context.getBean(ModelRegistry.class);
    progress.println("registering and encoding the catalog with " + modelPackage);
    ModelVersion v =
        registry.register(
            modelPackage,
            "bench",
            (done, total) -> {
              if (done % 1000 == 0 || done == total) {
                progress.printf("  encoded %d of %d%n", done, total);
              }
            },
            () -> false);
    v = registry.activate(v.id(), "bench");
    DataSource ds =
        context.getBean(DataSourceResolver.class).resolve(context.getBean(DataSource.class));
    int synthetic =
        new SyntheticCatalog(ds, v, CLASSES, options.seed()).fill(options.images(), progress);
    context.getBean(CatalogSearchIndex.class).reload();
    HammingIndex index = context.getBean(CatalogSearchIndex.class).index().orElseThrow();
    progress.printf(
        "model %s active on %s, %d codes indexed%n",
        v.id(),
        context.getBean(ServingModel.class).current().orElseThrow().encoder().device(),
        index.snapshot().size());

    List<byte[]> queries = new ArrayList<>();
    for (int q = 0; q < options.queries() + warmUp; q++) {
      queries.add(png(world.generate(q % CLASSES, perClass + q / CLASSES)));
    }
    QueryService service = context.getBean(QueryService.class);
    QueryImages images = context.getBean(QueryImages.class);
    SqlHammingPeer peer = new SqlHammingPeer(ds, v.bits());
    String model = v.id();

    Query ours = bytes -> service.search(images.upload("q.png", bytes), options.k(), 0);
    CatalogService catalog = context.getBean(CatalogService.class);
    Query sql =
        bytes -> {
          QueryImage q = images.upload("q.png", bytes);
          long[] code =
              context
                  .getBean(ServingModel.class)
                  .current()
                  .orElseThrow()
                  .encoder()
                  .encode(q.image())
                  .words();
          // the same follow-up as ours: labels of the results
          catalog.findAll(peer.topK(model, code, options.k()).stream().map(r -> r[0]).toList());
          return null;
        };
    List<String> out = new ArrayList<>();
    int indexed = index.snapshot().size();
    this.synthetic = synthetic;
    // two rounds, alternating, so neither side profits from running second (JIT, caches, machine
    // load)
    for (int round = 1; round <= (options.sqlPeer() ? 2 : 1); round++) {
      double[] oursMs = timed("ours, round " + round, ours, queries);
      out.add(json("query_" + options.clients() + "_clients", round, model, indexed, oursMs));
      if (options.sqlPeer()) {
        double[] sqlMs = timed("sql peer, round " + round, sql, queries);
        out.add(
            json(
                "query_" + options.clients() + "_clients_sql_ranking",
                round,
                model,
                indexed,
                sqlMs));
      }
    }
    if (options.sqlPeer()) {
      out.add(rankingOnly(index, peer, model, queries, indexed));
    }
    return out;
  }

  private interface Query {
    SearchAnswer run(byte[] png) throws Exception;
  }

  private void seed(PartsWorldGenerator world, int perClass, int real) throws Exception {
    CatalogService catalog = context.getBean(CatalogService.class);
    ImageIngest ingest = context.getBean(ImageIngest.class);
    long have = catalog.list(new ImageFilter(null, null, null, null), 0, 1).totalSize();
    if (have >= real) {
      progress.printf("catalog has %d images%n", have);
      return;
    }
    progress.printf(
        "ingesting parts-world birds until the catalog has %d images (has %d)%n", real, have);
    for (int c = 0; c < CLASSES; c++) {
      GeneratedImage first = world.generate(c, 0);
      catalog.ensureClass(
          new NewClass(
              "bench_" + c, first.species().displayName(), first.species().family().name()),
          "bench");
    }
    long added = have;
    for (int i = 0; i < perClass && added < real; i++) {
      for (int c = 0; c < CLASSES && added < real; c++) {
        var r =
            ingest.ingest(
                new java.io.ByteArrayInputStream(png(world.generate(c, i))),
                IngestRequest.upload(
                    "bench-" + c + "-" + i + ".png",
                    "bench_" + c,
                    i % 2 == 0 ? Split.TRAIN : Split.TEST,
                    "bench"));
        if (!r.duplicate()) {
          added++;
          if (added % 100 == 0) {
            progress.printf("  %d images%n", added);
          }
        }
      }
    }
  }

  /** Latency in ms of each timed query, run by {@code clients} threads after a warm-up. */
  private double[] timed(String name, Query query, List<byte[]> queries) throws Exception {
    for (int i = 0; i < warmUp; i++) {
      query.run(queries.get(i));
    }
    double[] ms = new double[options.queries()];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.clients());
    long start = System.nanoTime();
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < options.clients(); c++) {
        clients.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < options.queries(); ) {
                    long t = System.nanoTime();
                    query.run(queries.get(warmUp + i));
                    ms[i] = (System.nanoTime() - t) / 1e6;
                  }
                  return null;
                }));
      }
      for (Future<?> f : clients) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    progress.printf(Locale.ROOT, "%s: %d queries in %.1f s%n", name, options.queries(), wall);
    lastWallSeconds = wall;
    return ms;
  }

  private double lastWallSeconds;
  private int synthetic;

  /** The ranking step alone, one thread: in-memory index vs PostgreSQL, on the same query codes. */
  private String rankingOnly(
      HammingIndex index, SqlHammingPeer peer, String model, List<byte[]> queries, int images)
      throws Exception {
    ServingModel.Serving s = context.getBean(ServingModel.class).current().orElseThrow();
    QueryImages qi = context.getBean(QueryImages.class);
    List<long[]> codes = new ArrayList<>();
    for (byte[] q : queries) {
      codes.add(s.encoder().encode(qi.upload("q.png", q).image()).words());
    }
    long mask = index.snapshot().layout().allConcepts();
    double[] ours = new double[options.queries()];
    double[] sql = new double[options.queries()];
    boolean agree = true;
    for (int i = 0; i < warmUp; i++) {
      index.topK(codes.get(i), options.k(), mask, SearchFilter.NONE);
      peer.topK(model, codes.get(i), options.k());
    }
    for (int i = 0; i < options.queries(); i++) {
      long[] code = codes.get(warmUp + i);
      long t = System.nanoTime();
      var r = index.topK(code, options.k(), mask, SearchFilter.NONE);
      ours[i] = (System.nanoTime() - t) / 1e6;
      t = System.nanoTime();
      List<long[]> p = peer.topK(model, code, options.k());
      sql[i] = (System.nanoTime() - t) / 1e6;
      // same distances in the same order (ids agree too: both order ties by id)
      long[] a = r.hits().stream().mapToLong(h -> h.imageId() * 1000 + h.distance()).toArray();
      long[] b = p.stream().mapToLong(x -> x[0] * 1000 + x[1]).toArray();
      agree &= Arrays.equals(a, b);
    }
    double o = percentile(ours, 50);
    double q = percentile(sql, 50);
    return String.format(
        Locale.ROOT,
        "{\"case\":\"ranking_only_1_client\",\"model\":\"%s\",\"images\":%d,\"queries\":%d,\"k\":%d,"
            + "\"ours_p50_ms\":%.4f,\"ours_p99_ms\":%.4f,\"sql_p50_ms\":%.3f,\"sql_p99_ms\":%.3f,\"speedup_p50\":%.1f,"
            + "\"agree_with_sql\":%s}",
        model,
        images,
        options.queries(),
        options.k(),
        o,
        percentile(ours, 99),
        q,
        percentile(sql, 99),
        q / o,
        agree);
  }

  private String json(String name, int round, String model, int images, double[] ms) {
    return String.format(
        Locale.ROOT,
        "{\"case\":\"%s\",\"round\":"
            + round
            + ",\"model\":\"%s\",\"images\":%d,\"synthetic_images\":"
            + synthetic
            + ",\"queries\":%d,\"clients\":%d,\"k\":%d,"
            + "\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"mean_ms\":%.2f,\"max_ms\":%.2f,\"throughput_qps\":%.1f}",
        name,
        model,
        images,
        options.queries(),
        options.clients(),
        options.k(),
        percentile(ms, 50),
        percentile(ms, 99),
        Arrays.stream(ms).average().orElse(0),
        Arrays.stream(ms).max().orElse(0),
        options.queries() / lastWallSeconds);
  }

  /** Nearest-rank percentile. */
  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static byte[] png(GeneratedImage g) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(g.image(), "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
