package org.concepthash.jobs;

import jakarta.inject.Singleton;
import java.util.List;
import org.concepthash.catalog.CatalogException;

/** What the web API and the UI do with training jobs: start, look at, cancel. */
@Singleton
public class TrainingJobs {

  private final JobQueue queue;
  private final RecipeCatalog recipes;

  TrainingJobs(JobQueue queue, RecipeCatalog recipes) {
    this.queue = queue;
    this.recipes = recipes;
  }

  /**
   * Enqueues a job, or returns the job an identical open request or the same idempotency key
   * started.
   *
   * @throws IllegalArgumentException for an unknown recipe or overrides the recipe cannot take
   * @throws CatalogException when the catalog has too few labelled images
   */
  public JobQueue.Enqueued start(JobRequest request, String idempotencyKey, String actor) {
    recipes.resolve(request); // refuse a request that could never train before it is queued
    return queue.enqueue(request, idempotencyKey, actor);
  }

  public TrainingJob get(long id) {
    return queue.find(id).orElseThrow(() -> CatalogException.notFound("no training job " + id));
  }

  public List<TrainingJob> recent(int limit) {
    return queue.list(Math.max(1, Math.min(limit, 500)));
  }

  public TrainingJob cancel(long id, String actor) {
    get(id);
    return queue.cancel(id, actor);
  }

  /** The job that trained a model version, when it was trained here. */
  public java.util.Optional<TrainingJob> producing(String modelVersionId) {
    return queue.producing(modelVersionId);
  }

  public List<String> recipes() {
    return recipes.names();
  }

  /** The recipe's code length and epochs, as the UI's defaults. */
  public JobRequest defaults(String recipe) {
    var r = recipes.recipe(recipe);
    return new JobRequest(recipe, r.model().bits(), r.schedule().epochs(), true);
  }
}
