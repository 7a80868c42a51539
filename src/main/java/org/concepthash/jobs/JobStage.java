package org.concepthash.jobs;

import java.util.Locale;

/** The stages of one job's pipeline, in order. */
public enum JobStage {
  /** the labelled images frozen at enqueue are read and checked */
  SNAPSHOT,
  /** the recipe trains in the job's run folder (resumable from the last epoch checkpoint) */
  TRAIN,
  /** the selected model's retrieval on the held-out (test) split is recorded */
  EVALUATE,
  /** the model package is exported with its parity self-check */
  EXPORT,
  /** the whole catalog is encoded with the new model and the codes stored under its version */
  ENCODE,
  /** the new version becomes the active one (database, search index and encoder in one step) */
  ACTIVATE;

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static JobStage parse(String text) {
    return text == null ? null : valueOf(text.toUpperCase(Locale.ROOT));
  }
}
