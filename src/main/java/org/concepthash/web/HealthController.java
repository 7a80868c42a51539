package org.concepthash.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.persistence.EntityManager;

/** {@code GET /api/health}: whether the app and its database answer. */
@Controller("/api/health")
@Secured(SecurityRule.IS_ANONYMOUS) // load balancers and monitors probe without credentials
class HealthController {

  /**
   * @param database UP when the database answers a trivial query, DOWN otherwise
   */
  @Serdeable
  record Health(String status, String database) {}

  private final EntityManager em;

  HealthController(EntityManager em) {
    this.em = em;
  }

  @Get
  @Transactional(readOnly = true, timeout = 5)
  HttpResponse<Health> health() {
    boolean up;
    try {
      up = ((Number) em.createNativeQuery("select 1").getSingleResult()).intValue() == 1;
    } catch (RuntimeException e) {
      up = false;
    }
    Health body = new Health(up ? "UP" : "DOWN", up ? "UP" : "DOWN");
    return HttpResponse.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
  }
}
