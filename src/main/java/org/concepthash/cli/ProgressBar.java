package org.concepthash.cli;

import java.io.PrintStream;

/**
 * A one-line terminal progress bar ("synth [##### ] 120/480"), redrawn with a carriage return at
 * most once per percent. Thread-safe: workers may report concurrently.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final String label;
  private final long total;
  private final PrintStream out;
  private long shownPercent = -1;
  private long done;

  ProgressBar(String label, long total, PrintStream out) {
    this.label = label;
    this.total = Math.max(1, total);
    this.out = out;
  }

  /** Sets the count done so far (monotonic: lower values reported late are ignored). */
  synchronized void update(long count) {
    done = Math.max(done, count);
    long percent = done * 100 / total;
    if (percent != shownPercent) {
      shownPercent = percent;
      int filled = (int) (done * WIDTH / total);
      out.print(
          "\r"
              + label
              + " ["
              + "#".repeat(filled)
              + " ".repeat(WIDTH - filled)
              + "] "
              + done
              + "/"
              + total);
      out.flush();
    }
  }

  synchronized void finish() {
    out.println();
  }
}
