package org.concepthash.jobs;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.concepthash.catalog.importer.DemoCatalogSeeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First run: once the demo catalog is seeded, one demo training job (parts-tiny, shortened so the
 * first model is active within minutes on a laptop) is queued. Its idempotency key makes it the
 * only one ever, whatever later starts do.
 */
@Singleton
class DemoTraining {

  private static final Logger LOG = LoggerFactory.getLogger(DemoTraining.class);
  static final String KEY = "demo-parts-tiny";
  static final String RECIPE = "parts-tiny";

  private final TrainingJobs jobs;
  private final JobsConfig config;

  DemoTraining(TrainingJobs jobs, JobsConfig config) {
    this.jobs = jobs;
    this.config = config;
  }

  @EventListener
  void onSeeded(DemoCatalogSeeded event) {
    try {
      var enqueued =
          jobs.start(new JobRequest(RECIPE, null, config.demoEpochs(), true), KEY, event.actor());
      if (enqueued.created()) {
        LOG.info(
            "Demo training job {} queued ({} epochs of {}); search starts when it finishes",
            enqueued.job().id(),
            config.demoEpochs(),
            RECIPE);
      }
    } catch (RuntimeException e) {
      LOG.error("Could not queue the demo training job: {}", e.getMessage());
    }
  }
}
