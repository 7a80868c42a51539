package org.concepthash.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.List;
import org.concepthash.catalog.CatalogService;
import org.concepthash.catalog.ClassView;
import org.concepthash.catalog.NewClass;

/** Classes: list with image counts, create. */
@Controller("/api/classes")
class ClassController {

  private final CatalogService catalog;

  ClassController(CatalogService catalog) {
    this.catalog = catalog;
  }

  @Get
  List<ClassView> list() {
    return catalog.classes();
  }

  @Post
  HttpResponse<ClassView> create(@Body NewClass spec) {
    return HttpResponse.created(catalog.createClass(spec, Actors.ANONYMOUS));
  }
}
