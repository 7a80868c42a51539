package org.concepthash.accounts;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the one-time setup token out of captured FirstAdmin log lines, as an operator would. */
public final class FirstAdminTokens {
  private FirstAdminTokens() {}

  public static String from(ListAppender<ILoggingEvent> log) {
    Pattern p = Pattern.compile("setup token: (\\S+)");
    for (ILoggingEvent e : log.list) {
      Matcher m = p.matcher(e.getFormattedMessage());
      if (m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no setup token in the log: " + log.list);
  }
}
