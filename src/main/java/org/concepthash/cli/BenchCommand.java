package org.concepthash.cli;

import picocli.CommandLine.Command;

/** {@code bench}: benchmarks that compare us with a peer in the same run (not tests). */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks against peers; JSON lines on stdout, progress on stderr.",
    subcommands = {
      BenchSearchCommand.class,
      BenchEncodeCommand.class,
      BenchTrainCommand.class,
      BenchQueryCommand.class
    })
public final class BenchCommand {}
