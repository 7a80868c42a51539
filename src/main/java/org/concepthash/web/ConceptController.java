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
import org.concepthash.catalog.models.ModelVersion;
import org.concepthash.catalog.query.ConceptNames;
import org.concepthash.catalog.query.QueryService;

/** Concept names of model versions: read those of the active model, rename one (stored per version). */
@Controller("/api/models")
class ConceptController {

  @Serdeable
  record NameChange(@Nullable String name) {}

  /** @param bits the concept's sub-code length */
  @Serdeable
  record ConceptJson(int index, String name, int bits) {}

  @Serdeable
  record Concepts(String model, boolean active, List<ConceptJson> concepts) {
    static Concepts of(ModelVersion v) {
      List<ConceptJson> out = new ArrayList<>();
      for (int m = 0; m < v.concepts(); m++) {
        // concept m owns bits [m K/M, (m+1) K/M)
        int bits = (m + 1) * v.bits() / v.concepts() - m * v.bits() / v.concepts();
        out.add(new ConceptJson(m, v.conceptNames().get(m), bits));
      }
      return new Concepts(v.id(), v.active(), out);
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
    return Concepts.of(queries.activeModel()
        .orElseThrow(() -> CatalogException.notFound("no model is active: train or activate one first")));
  }

  @Put("/{id}/concepts/{index}")
  @Secured(Roles.CURATOR)
  Concepts rename(@PathVariable String id, @PathVariable int index, @Body NameChange change) {
    return Concepts.of(names.rename(id, index, change.name()));
  }
}
