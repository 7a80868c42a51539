package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.List;
import org.concepthash.accounts.Roles;
import org.concepthash.serving.query.AttentionMaps;
import org.concepthash.serving.query.AttentionService;
import org.concepthash.serving.query.ConceptNames;
import org.concepthash.serving.query.CropBox;
import org.concepthash.serving.query.QueryService;

/** The M attention maps of a catalog image under the active model, computed on demand. */
@Controller("/api/images")
class AttentionController {

  /**
   * @param maps per concept grid*grid values, row-major
   * @param crop where the maps lie in the image, in fractions of its width and height
   * @param conceptReliability per concept: "reliable", "unreliable" (the map is not evidence of a
   *     part) or "not measured"
   */
  @Serdeable
  record Response(
      String model,
      long imageId,
      List<String> concepts,
      List<String> conceptReliability,
      int grid,
      float[][] maps,
      CropBox crop) {}

  private final AttentionService attention;
  private final QueryService queries;

  AttentionController(AttentionService attention, QueryService queries) {
    this.attention = attention;
    this.queries = queries;
  }

  @Get("/{id}/attention{?model}")
  @Secured(Roles.VIEWER)
  Response attention(@PathVariable long id, @Nullable @QueryValue String model) throws IOException {
    AttentionMaps a = attention.forImage(id, model);
    List<String> names =
        queries.activeModel().map(v -> ConceptNames.display(v.conceptNames())).orElse(List.of());
    List<String> reliability = queries.activeModel().map(Reliability::labels).orElse(List.of());
    return new Response(a.modelVersion(), id, names, reliability, a.grid(), a.maps(), a.crop());
  }
}
