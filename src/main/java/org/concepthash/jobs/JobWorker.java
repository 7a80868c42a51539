package org.concepthash.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.concepthash.serving.ModelVersion;
import org.concepthash.train.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued jobs one at a time and runs their pipeline on its own thread, reporting progress
 * with every heartbeat. A cancel request (or losing the job to another worker) stops the pipeline
 * at the next training step or encoding batch. {@link #stop()} gives an unfinished job back to the
 * queue; {@link #abandon()} stops without a word to the database, as a crashed process would.
 */
public final class JobWorker {

  private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(45);

  private final JobQueue queue;
  private final JobPipeline pipeline;
  private final JobsConfig config;
  private final String name;
  private final Thread thread;
  private final ScheduledExecutorService heartbeats;
  private volatile boolean running = true;
  private volatile boolean abandoned;
  private volatile CancellationToken current;
  private final Object idle = new Object();

  public JobWorker(JobQueue queue, JobPipeline pipeline, JobsConfig config) {
    this.queue = queue;
    this.pipeline = pipeline;
    this.config = config;
    this.name = defaultName();
    this.thread = new Thread(this::loop, "job-worker " + name);
    this.thread.setDaemon(true);
    // training shares the machine with search; let request threads go first
    this.thread.setPriority(Thread.MIN_PRIORITY);
    this.heartbeats =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "job-heartbeat");
              t.setDaemon(true);
              return t;
            });
  }

  /** host:pid:n, unique per worker so that a worker's writes name it. */
  private static String defaultName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host
        + ":"
        + ManagementFactory.getRuntimeMXBean().getPid()
        + ":"
        + COUNTER.incrementAndGet();
  }

  public String name() {
    return name;
  }

  public JobWorker start() {
    thread.start();
    LOG.info("Training job worker {} started", name);
    return this;
  }

  /**
   * Stops after the current training step; an unfinished job goes back to the queue. Waits for the
   * thread (at most 45 s; a job still running then is requeued by the heartbeat rule).
   */
  public void stop() {
    running = false;
    CancellationToken token = current;
    if (token != null) {
      token.cancel();
    }
    synchronized (idle) {
      // wakes an idle worker; a busy one is never interrupted (that could break a checkpoint write)
      idle.notifyAll();
    }
    join();
  }

  /**
   * Stops like a worker whose process died: no more heartbeats, the job stays {@code running} under
   * this worker until {@link JobQueue#requeueStale} hands it to another.
   */
  public void abandon() {
    abandoned = true;
    heartbeats.shutdownNow();
    stop();
  }

  private void join() {
    try {
      // one training step or encoding batch; a worker that takes longer is treated as dead
      // (heartbeat)
      thread.join(STOP_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    heartbeats.shutdownNow();
  }

  private void loop() {
    while (running) {
      try {
        queue.requeueStale(config.staleAfter());
        Optional<TrainingJob> job = queue.claim(name);
        if (job.isPresent()) {
          run(job.get());
        } else {
          sleepQuietly();
        }
      } catch (RuntimeException e) {
        // the database is away for a moment: try again later
        LOG.warn("Job worker {}: {}", name, e.getMessage());
        sleepQuietly();
      }
    }
  }

  private void run(TrainingJob job) {
    CancellationToken token = new CancellationToken();
    current = token;
    JobProgress progress = JobProgress.of(job);
    LOG.info("Job {} ({}) taken by {}", job.id(), job.request().recipe(), name);
    var beat =
        heartbeats.scheduleWithFixedDelay(
            () -> beat(job, progress, token),
            0,
            config.heartbeatInterval().toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      ModelVersion version = pipeline.run(job, token, progress);
      beat.cancel(false);
      progress.log("succeeded");
      queue.finish(
          job.id(),
          name,
          JobState.SUCCEEDED,
          version.id(),
          null,
          progress.stage(),
          progress.json(),
          progress.logText());
      LOG.info("Job {} succeeded: model {}", job.id(), version.id());
    } catch (CancellationException e) {
      beat.cancel(false);
      stopped(job, progress);
    } catch (Exception | LinkageError e) {
      beat.cancel(false);
      if (abandoned) {
        return;
      }
      if (token.isCancelled()) {
        stopped(job, progress);
        return;
      }
      LOG.error("Job {} failed in stage {}", job.id(), progress.stage(), e);
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      progress.log("failed: " + message);
      queue.finish(
          job.id(),
          name,
          JobState.FAILED,
          null,
          message,
          progress.stage(),
          progress.json(),
          progress.logText());
    } finally {
      current = null;
    }
  }

  /** The pipeline stopped because of a cancel request, a shutdown or a lost claim. */
  private void stopped(TrainingJob job, JobProgress progress) {
    if (abandoned) {
      return;
    }
    JobQueue.Ownership owner =
        queue.report(job.id(), name, progress.stage(), progress.json(), progress.logText());
    if (owner == JobQueue.Ownership.CANCEL_REQUESTED) {
      progress.log("cancelled");
      queue.finish(
          job.id(),
          name,
          JobState.CANCELLED,
          null,
          null,
          progress.stage(),
          progress.json(),
          progress.logText());
      LOG.info("Job {} cancelled", job.id());
    } else if (owner == JobQueue.Ownership.OWNED) {
      progress.log("worker " + name + " stopped; the job waits for a worker to resume it");
      queue.release(job.id(), name, progress.logText());
    }
  }

  private void beat(TrainingJob job, JobProgress progress, CancellationToken token) {
    try {
      JobQueue.Ownership owner =
          queue.report(job.id(), name, progress.stage(), progress.json(), progress.logText());
      if (owner != JobQueue.Ownership.OWNED && !token.isCancelled()) {
        progress.log(
            owner == JobQueue.Ownership.CANCEL_REQUESTED
                ? "cancel requested; stopping"
                : "the job was given to another worker; stopping");
        token.cancel();
      }
    } catch (RuntimeException e) {
      LOG.warn("Job {}: heartbeat failed: {}", job.id(), e.getMessage());
    }
  }

  private void sleepQuietly() {
    synchronized (idle) {
      if (!running) {
        return;
      }
      try {
        idle.wait(config.pollInterval().toMillis());
      } catch (InterruptedException e) {
        running = false;
        Thread.currentThread().interrupt();
      }
    }
  }
}
