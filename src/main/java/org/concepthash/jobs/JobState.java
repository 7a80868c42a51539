package org.concepthash.jobs;

import java.util.Locale;

/**
 * Where a training job is in its life; the lower-case name is what the database and the JSON hold.
 */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }

  static JobState parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }
}
