package org.concepthash.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.concepthash.accounts.Roles;
import org.concepthash.jobs.JobRequest;
import org.concepthash.jobs.TrainingJobs;

/**
 * Training jobs: start (202; a repeated request or {@code Idempotency-Key} returns the job it
 * started), look at, cancel.
 */
@Controller("/api/training-jobs")
class TrainingJobController {

  /** Body of {@code POST /api/training-jobs}; bits and epochs default to the recipe's. */
  @Serdeable
  record StartJob(
      @Nullable String recipe,
      @Nullable Integer bits,
      @Nullable Integer epochs,
      @Nullable Boolean activate) {}

  private final TrainingJobs jobs;

  TrainingJobController(TrainingJobs jobs) {
    this.jobs = jobs;
  }

  @Post
  @Secured(Roles.ADMIN)
  HttpResponse<JobView> start(
      @Body StartJob body,
      @Nullable @Header("Idempotency-Key") String idempotencyKey,
      Authentication authentication) {
    JobRequest request =
        new JobRequest(
            body.recipe(), body.bits(), body.epochs(), body.activate() == null || body.activate());
    var enqueued = jobs.start(request, idempotencyKey, Actors.of(authentication));
    return HttpResponse.<JobView>status(HttpStatus.ACCEPTED)
        .body(JobView.of(enqueued.job()))
        .header("Location", "/api/training-jobs/" + enqueued.job().id());
  }

  @Get("{?limit}")
  @Secured(Roles.VIEWER)
  List<JobView> list(@QueryValue(defaultValue = "50") int limit) {
    return jobs.recent(limit).stream().map(JobView::of).toList();
  }

  @Get("/{id}")
  @Secured(Roles.VIEWER)
  JobView get(@PathVariable long id) {
    return JobView.of(jobs.get(id));
  }

  @Post("/{id}/cancel")
  @Secured(Roles.ADMIN)
  JobView cancel(@PathVariable long id, Authentication authentication) {
    return JobView.of(jobs.cancel(id, Actors.of(authentication)));
  }
}
