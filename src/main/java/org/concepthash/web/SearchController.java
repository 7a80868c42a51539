package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.List;
import org.concepthash.accounts.Roles;
import org.concepthash.accounts.UploadLimiter;
import org.concepthash.catalog.CatalogException;
import org.concepthash.catalog.ingest.IngestRefusedException;
import org.concepthash.serving.query.AttentionMaps;
import org.concepthash.serving.query.CropBox;
import org.concepthash.serving.query.QueryImage;
import org.concepthash.serving.query.QueryImages;
import org.concepthash.serving.query.QueryService;
import org.concepthash.serving.query.SearchAnswer;

/**
 * Search by image: an uploaded picture (not stored) or a catalog image, answered with the query's
 * code and the ranked, explained neighbours under the active model.
 */
@Controller("/api/search")
class SearchController {

  static final int DEFAULT_K = 10;

  /** Body of a JSON search: a catalog image, k, and the concepts to match on (indices or names). */
  @Serdeable
  record ImageQuery(@Nullable Long imageId, @Nullable Integer k, @Nullable List<Object> concepts) {}

  /**
   * @param concepts display names, in concept order
   * @param conceptReliability per concept, in the same order: "reliable", "unreliable" (its part
   *     consistency is below chance + 0.1, so its overlay and its words in the explanations, where
   *     it is marked "(unreliable)", are not evidence of a part) or "not measured"
   */
  @Serdeable
  record Response(
      String model,
      List<String> concepts,
      List<String> conceptReliability,
      QueryJson query,
      List<ResultJson> results) {}

  /**
   * @param code hex code; @param subcodes per concept its bits, first bit first
   */
  @Serdeable
  record QueryJson(
      String code,
      List<String> subcodes,
      AttentionJson attention,
      @Nullable PredictedJson predicted) {}

  /**
   * @param maps per concept grid*grid values, row-major; @param crop where the maps lie in the
   *     image
   */
  @Serdeable
  record AttentionJson(int grid, float[][] maps, CropBox crop) {
    static AttentionJson of(AttentionMaps a) {
      return new AttentionJson(a.grid(), a.maps(), a.crop());
    }
  }

  @Serdeable
  record PredictedJson(
      String label, String displayName, @Nullable String family, int distance, int margin) {}

  @Serdeable
  record ResultJson(
      long imageId,
      @Nullable String label,
      @Nullable String family,
      int distance,
      int[] conceptDistances,
      String explanation) {}

  private final QueryService queries;
  private final QueryImages images;

  private final UploadLimiter uploads;

  SearchController(QueryService queries, QueryImages images, UploadLimiter uploads) {
    this.queries = queries;
    this.images = images;
    this.uploads = uploads;
  }

  /** Search by an uploaded image; counts against the caller's upload rate (429 over it). */
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  @Secured(Roles.VIEWER)
  Response searchUpload(
      @Part("file") CompletedFileUpload file,
      @Nullable @Part("k") String k,
      @Nullable @Part("concepts") String concepts,
      @Nullable Authentication authentication)
      throws IOException, IngestRefusedException {
    uploads.acquire(Actors.of(authentication));
    QueryImage query = images.upload(file.getFilename(), file.getBytes());
    return search(query, parseK(k), concepts == null ? List.of() : List.of(concepts.split(",")));
  }

  @Post(consumes = MediaType.APPLICATION_JSON)
  @Secured(Roles.VIEWER)
  Response searchCatalogImage(@Body ImageQuery body) throws IOException {
    if (body.imageId() == null) {
      throw CatalogException.invalid("imageId is required (or upload a file as multipart 'file')");
    }
    QueryImage query = images.catalogImage(body.imageId());
    List<String> tokens =
        body.concepts() == null
            ? List.of()
            : body.concepts().stream().map(String::valueOf).toList();
    return search(query, body.k() == null ? DEFAULT_K : body.k(), tokens);
  }

  /** The concepts are resolved by the version that answers (a model may be activated meanwhile). */
  private Response search(QueryImage query, int k, List<String> concepts) throws IOException {
    SearchAnswer a = queries.search(query, k, concepts);
    SearchAnswer.Query q = a.query();
    SearchAnswer.Prediction p = q.predicted();
    QueryJson qj =
        new QueryJson(
            q.code(),
            q.subCodes(),
            AttentionJson.of(q.attention()),
            p == null
                ? null
                : new PredictedJson(
                    p.label(), p.displayName(), p.family(), p.distance(), p.margin()));
    List<ResultJson> results =
        a.results().stream()
            .map(
                r ->
                    new ResultJson(
                        r.imageId(),
                        r.label(),
                        r.family(),
                        r.distance(),
                        r.conceptDistances(),
                        r.explanation()))
            .toList();
    return new Response(
        a.model().id(), a.conceptNames(), Reliability.labels(a.model()), qj, results);
  }

  private static int parseK(String k) {
    if (k == null || k.isBlank()) {
      return DEFAULT_K;
    }
    try {
      return Integer.parseInt(k.strip());
    } catch (NumberFormatException e) {
      throw CatalogException.invalid("k must be a whole number, not '" + k + "'");
    }
  }
}
