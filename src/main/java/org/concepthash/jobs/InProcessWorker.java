package org.concepthash.jobs;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.concepthash.catalog.CatalogConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker the application server runs unless {@code concepthash.jobs.worker.enabled} is false (a
 * catalog whose training happens on a GPU host's {@code worker}). It starts with the HTTP server,
 * so one-shot commands that open the catalog ({@code import}, {@code models add}) never take a job.
 * On shutdown an unfinished job goes back to the queue and the next worker resumes it from its last
 * checkpoint.
 */
@Singleton
@Requires(property = "concepthash.jobs.worker.enabled", notEquals = "false")
public class InProcessWorker {

  private static final Logger LOG = LoggerFactory.getLogger(InProcessWorker.class);

  private final JobQueue queue;
  private final JobPipeline pipeline;
  private final JobsConfig config;
  private final boolean embeddedDatabase;
  private JobWorker worker;

  InProcessWorker(JobQueue queue, JobPipeline pipeline, JobsConfig config, CatalogConfig catalog) {
    this.queue = queue;
    this.pipeline = pipeline;
    this.config = config;
    this.embeddedDatabase = catalog.embeddedDatabase();
  }

  @EventListener
  synchronized void onServerStartup(ServerStartupEvent event) {
    if (worker == null) {
      if (embeddedDatabase) {
        // only this process can reach the embedded database: a job still marked running was left by
        // a
        // previous start that stopped abruptly, and resumes now instead of after the heartbeat
        // timeout
        List<Long> resumed = queue.requeueStale(Duration.ZERO);
        if (!resumed.isEmpty()) {
          LOG.info("Training jobs {} were interrupted by the last shutdown; resuming", resumed);
        }
      }
      worker = new JobWorker(queue, pipeline, config).start();
    }
  }

  /** The running worker's name, for logs and the UI. */
  public synchronized String name() {
    return worker == null ? null : worker.name();
  }

  @PreDestroy
  synchronized void stop() {
    if (worker != null) {
      worker.stop();
      worker = null;
    }
  }
}
