package org.concepthash.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code concepthash.jar}: one sub-command per capability. */
@Command(
    name = "concepthash",
    mixinStandardHelpOptions = true,
    version = "ConceptHash Catalog 0.1.0",
    description = "Interpretable fine-grained image search.",
    subcommands = {
      ServeCommand.class,
      SynthCommand.class,
      ImportCommand.class,
      TrainCommand.class,
      ExportCommand.class,
      EvalCommand.class,
      BenchCommand.class,
      WorkerCommand.class,
      ModelsCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      ReproduceCommand.class
    })
public final class Main {

  public static void main(String[] args) {
    // DJL must never try the network (engine start probes a cloud metadata address otherwise).
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("java.awt.headless", "true");
    System.exit(run(args));
  }

  /** Runs the command line without exiting, for tests. */
  public static int run(String... args) {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Main::report)
        .execute(args);
  }

  /**
   * Problems the user can fix (a locked catalog, a bad option value, a missing file) are one clear
   * line on stderr, not a stack trace.
   */
  private static int report(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    String message = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().contains("List of constraint violations:")) {
        // a configuration value out of range: show the violated settings, not the injection path
        message =
            "invalid configuration: "
                + t.getMessage()
                    .lines()
                    .filter(line -> line.startsWith("\t"))
                    .map(String::strip)
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(t.getMessage());
      }
    }
    if (message == null
        && (e instanceof IllegalArgumentException
            || e instanceof IllegalStateException
            || e instanceof java.io.IOException)) {
      message = e.getMessage();
    }
    if (message == null) {
      throw new RuntimeException(e);
    }
    cmd.getErr().println(cmd.getColorScheme().errorText("error: " + message));
    return 2;
  }
}
