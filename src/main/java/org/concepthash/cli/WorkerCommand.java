package org.concepthash.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.concepthash.jobs.JobPipeline;
import org.concepthash.jobs.JobQueue;
import org.concepthash.jobs.JobWorker;
import org.concepthash.jobs.JobsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code worker}: runs training jobs of a catalog from another host (a GPU box). */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Takes queued training jobs from the catalog's database and runs them (train, evaluate,"
          + " export,",
      "encode the catalog, activate) until stopped. Point --database-url at the catalog's"
          + " PostgreSQL and",
      "--data-dir at the same data directory (shared image store, e.g. over NFS). Ctrl-C stops"
          + " after the",
      "current step and hands an unfinished job back to the queue; it resumes from its last"
          + " checkpoint."
    })
final class WorkerCommand implements Callable<Integer> {

  @Mixin CatalogOptions catalog;

  @Override
  public Integer call() throws Exception {
    // this process is the worker: no second one inside, and never the demo content
    Map<String, Object> properties =
        Map.of("concepthash.jobs.worker.enabled", false, "concepthash.demo.enabled", false);
    try (CatalogApplication app = CatalogApplication.start(catalog, properties)) {
      var beans = app.context();
      JobWorker worker =
          new JobWorker(
                  beans.getBean(JobQueue.class),
                  beans.getBean(JobPipeline.class),
                  beans.getBean(JobsConfig.class))
              .start();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    worker.stop();
                    stopped.countDown();
                  },
                  "worker-shutdown"));
      System.err.printf("worker %s waiting for training jobs (Ctrl-C stops)%n", worker.name());
      stopped.await();
    }
    return 0;
  }
}
