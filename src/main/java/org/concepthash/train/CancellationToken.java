package org.concepthash.train;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a running training to stop. Safe to call from any thread (a UI, a job worker, a Ctrl-C
 * hook); the trainer checks it between steps, abandons the unfinished epoch and returns, leaving
 * the run directory at its last epoch checkpoint, from which {@code --resume} continues.
 */
public final class CancellationToken {

  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
