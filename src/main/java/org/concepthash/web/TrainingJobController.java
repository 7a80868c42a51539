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
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import org.concepthash.jobs.JobRequest;
import org.concepthash.jobs.TrainingJobs;

/**
 * Training jobs: start (202; a repeated request or {@code Idempotency-Key} returns the job it started),
 * look at, cancel.
 */
@Controller("/api/training-jobs")
class TrainingJobController {

  /** Body of {@code POST /api/training-jobs}; bits and epochs default to the recipe's. */
  @Serdeable
  record StartJob(@Nullable String recipe, @Nullable Integer bits, @Nullable Integer epochs,
      @Nullable Boolean activate) {}

  private final TrainingJobs jobs;

  TrainingJobController(TrainingJobs jobs) {
    this.jobs = jobs;
  }

  @Post
  HttpResponse<JobView> start(@Body StartJob body, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    JobRequest request = new JobRequest(body.recipe(), body.bits(), body.epochs(),
        body.activate() == null || body.activate());
    var enqueued = jobs.start(request, idempotencyKey, Actors.ANONYMOUS);
    return HttpResponse.<JobView>status(HttpStatus.ACCEPTED).body(JobView.of(enqueued.job()))
        .header("Location", "/api/training-jobs/" + enqueued.job().id());
  }

  @Get("{?limit}")
  List<JobView> list(@QueryValue(defaultValue = "50") int limit) {
    return jobs.recent(limit).stream().map(JobView::of).toList();
  }

  @Get("/{id}")
  JobView get(@PathVariable long id) {
    return JobView.of(jobs.get(id));
  }

  @Post("/{id}/cancel")
  JobView cancel(@PathVariable long id) {
    return JobView.of(jobs.cancel(id, Actors.ANONYMOUS));
  }
}
