package org.concepthash.serving.query;

import jakarta.inject.Singleton;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToLongFunction;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ImageView;
import org.concepthash.code.ConceptLayout;
import org.concepthash.code.HexCode;
import org.concepthash.encode.Encoding;
import org.concepthash.onnx.ModelManifest;
import org.concepthash.search.HammingIndex;
import org.concepthash.search.MatchExplainer;
import org.concepthash.search.SearchFilter;
import org.concepthash.search.SearchHit;
import org.concepthash.search.SearchResult;
import org.concepthash.serving.CatalogSearchIndex;
import org.concepthash.serving.ModelVersion;
import org.concepthash.serving.ServingModel;

/**
 * Image in, ranked and explained neighbours out: the one query path behind the REST API and the
 * search view. The query is encoded by the serving model and searched in the index of the same
 * version; when the active version changes between the two steps the query is encoded again with
 * the new model (once).
 */
@Singleton
public class QueryService {

  /** Largest k a query may ask for. */
  public static final int MAX_K = 200;

  /**
   * Activation publishes the new version's index, then swaps in its encoder; a search in between
   * sees two versions and waits until they agree (milliseconds, longer on a loaded machine) rather
   * than fail.
   */
  private static final Duration SWITCH_WAIT = Duration.ofSeconds(10);

  private static final long SWITCH_POLL_NANOS = 1_000_000;

  private final ServingModel serving;
  private final CatalogSearchIndex index;
  private final CatalogService catalog;

  QueryService(ServingModel serving, CatalogSearchIndex index, CatalogService catalog) {
    this.serving = serving;
    this.index = index;
    this.catalog = catalog;
  }

  /** The version that answers queries now, or empty while no model is active. */
  public Optional<ModelVersion> activeModel() {
    return serving.current().map(ServingModel.Serving::version);
  }

  /**
   * The {@code k} nearest catalog images to {@code query} over the concepts of {@code conceptMask}
   * (0 = every concept). A catalog image used as query is left out of its own results.
   *
   * @throws CatalogException invalid (k or mask out of range), conflict (no active model)
   */
  public SearchAnswer search(QueryImage query, int k, long conceptMask) throws IOException {
    return search(query, k, names -> conceptMask);
  }

  /**
   * As {@link #search(QueryImage, int, long)} with the concepts named by {@code conceptTokens}
   * (0-based indices or names; none = every concept), resolved against the version that answers, so
   * a model activated meanwhile is asked about its own concepts.
   *
   * @throws CatalogException invalid also for a token that names no concept of that version
   */
  public SearchAnswer search(QueryImage query, int k, List<String> conceptTokens)
      throws IOException {
    List<String> tokens = List.copyOf(conceptTokens);
    return search(query, k, names -> ConceptSelection.mask(tokens, names));
  }

  private SearchAnswer search(QueryImage query, int k, ToLongFunction<List<String>> maskOf)
      throws IOException {
    if (k < 1 || k > MAX_K) {
      throw CatalogException.invalid("k must be between 1 and " + MAX_K + ", not " + k);
    }
    long deadline = System.nanoTime() + SWITCH_WAIT.toNanos();
    while (true) {
      ServingModel.Serving s = serving.current().orElseThrow(QueryService::noModel);
      HammingIndex idx = index.index().orElseThrow(QueryService::noModel);
      if (idx.modelVersion().equals(s.id())) {
        ConceptLayout layout = s.version().layout();
        long selected = maskOf.applyAsLong(ConceptNames.display(s.version().conceptNames()));
        long mask = selected == 0 ? layout.allConcepts() : selected;
        try {
          layout.checkMask(mask);
        } catch (IllegalArgumentException e) {
          throw CatalogException.invalid(e.getMessage());
        }
        Encoding e = s.encoder().encode(query.image());
        boolean self = query.catalogImageId().isPresent();
        SearchResult r = idx.topK(e.words(), self ? k + 1 : k, mask, SearchFilter.NONE);
        if (r.modelVersion().equals(s.id())) {
          return answer(s, layout, mask, k, query, e, r);
        }
      }
      if (System.nanoTime() > deadline) {
        throw CatalogException.conflict("the active model is being switched; please search again");
      }
      // the pair of encoder and index is switching: wait for both to be the same version
      LockSupport.parkNanos(SWITCH_POLL_NANOS);
    }
  }

  private SearchAnswer answer(
      ServingModel.Serving s,
      ConceptLayout layout,
      long mask,
      int k,
      QueryImage query,
      Encoding e,
      SearchResult r) {
    List<String> names = ConceptNames.display(s.version().conceptNames());
    MatchExplainer explainer = new MatchExplainer(layout, names, s.version().unreliableConcepts());
    List<SearchHit> hits =
        r.hits().stream()
            .filter(
                h ->
                    query.catalogImageId().isEmpty()
                        || h.imageId() != query.catalogImageId().getAsLong())
            .limit(k)
            .toList();
    Map<Long, ImageView> views = catalog.findAll(hits.stream().map(SearchHit::imageId).toList());
    List<SearchAnswer.Result> results = new ArrayList<>(hits.size());
    for (SearchHit h : hits) {
      ImageView v = views.get(h.imageId());
      if (v == null) {
        continue; // deleted since it was indexed
      }
      results.add(
          new SearchAnswer.Result(
              h.imageId(),
              v.label(),
              v.labelDisplayName(),
              v.family(),
              h.distance(),
              h.conceptDistances(),
              explainer.explain(h.conceptDistances())));
    }
    BufferedImage img = query.image();
    AttentionMaps maps =
        AttentionMaps.of(s.id(), e, s.encoder().preprocessor(), img.getWidth(), img.getHeight());
    SearchAnswer.Query q =
        new SearchAnswer.Query(
            query.name(),
            query.catalogImageId().isPresent() ? query.catalogImageId().getAsLong() : null,
            HexCode.format(e.words(), layout.bits()),
            List.of(e.subCodes()),
            maps,
            prediction(s, e));
    return new SearchAnswer(s.version(), names, mask, k, q, results);
  }

  private static SearchAnswer.Prediction prediction(ServingModel.Serving s, Encoding e) {
    List<ModelManifest.PackagedClass> classes = s.encoder().manifest().classes();
    int c = e.prediction().classIndex();
    if (c < 0 || c >= classes.size()) {
      return null;
    }
    ModelManifest.PackagedClass k = classes.get(c);
    String display =
        k.displayName() == null || k.displayName().isBlank() ? k.name() : k.displayName();
    return new SearchAnswer.Prediction(
        k.name(), display, k.family(), e.prediction().distance(), e.prediction().margin());
  }

  private static CatalogException noModel() {
    return CatalogException.conflict(
        "no model is active: train a model (Training) or activate one (Models)");
  }
}
