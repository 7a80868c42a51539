package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import org.concepthash.accounts.Roles;
import org.concepthash.catalog.CatalogException;
import org.concepthash.code.ConceptLayout;
import org.concepthash.serving.ModelVersion;
import org.concepthash.serving.query.ConceptNames;
import org.concepthash.serving.query.QueryService;

/**
 * Concept names of model versions: read those of the active model, rename one (stored per version).
 */
@Controller("/api/models")
class ConceptController {

  @Serdeable
  record NameChange(@Nullable String name) {}

  /**
   * One concept.
   *
   * @param bits the concept's sub-code length
   * @param part its part consistency in words ("head in 84% of 240 annotated images"), or "not
   *     measured"
   * @param reliability "reliable", "unreliable" (purity below chance + 0.1: its explanations and
   *     overlays are not evidence of a part) or "not measured"
   * @param parts the measurement; null when not measured
   */
  @Serdeable
  record ConceptJson(
      int index,
      String name,
      int bits,
      String part,
      String reliability,
      @Nullable PartConsistencyJson.ConceptPartsJson parts) {}

  /**
   * @param partConsistency the version's measurement over all concepts; null when not measured
   */
  @Serdeable
  record Concepts(
      String model,
      boolean active,
      List<ConceptJson> concepts,
      @Nullable PartConsistencyJson partConsistency) {
    static Concepts of(ModelVersion v) {
      PartConsistencyJson parts = PartConsistencyJson.of(v);
      List<ConceptJson> out = new ArrayList<>();
      ConceptLayout layout = v.layout();
      for (int m = 0; m < v.concepts(); m++) {
        int bits = layout.width(m);
        PartConsistencyJson.ConceptPartsJson p =
            parts == null || m >= parts.concepts().size() ? null : parts.concepts().get(m);
        out.add(
            new ConceptJson(
                m, v.conceptNames().get(m), bits, v.partSummary(m), v.reliability(m).label(), p));
      }
      return new Concepts(v.id(), v.active(), out, parts);
    }
  }

  private final QueryService queries;
  private final ConceptNames names;

  ConceptController(QueryService queries, ConceptNames names) {
    this.queries = queries;
    this.names = names;
  }

  @Get("/active/concepts")
  @Secured(Roles.VIEWER)
  Concepts activeConcepts() {
    return Concepts.of(
        queries
            .activeModel()
            .orElseThrow(
                () ->
                    CatalogException.notFound("no model is active: train or activate one first")));
  }

  @Put("/{id}/concepts/{index}")
  @Secured(Roles.CURATOR)
  Concepts rename(@PathVariable String id, @PathVariable int index, @Body NameChange change) {
    return Concepts.of(names.rename(id, index, change.name()));
  }
}
