package org.concepthash.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.concepthash.accounts.Roles;
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
  @Secured(Roles.VIEWER)
  List<ClassView> list() {
    return catalog.classes();
  }

  @Post
  @Secured(Roles.CURATOR)
  HttpResponse<ClassView> create(@Body NewClass spec, Authentication authentication) {
    return HttpResponse.created(catalog.createClass(spec, Actors.of(authentication)));
  }
}
