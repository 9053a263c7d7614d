package org.regionwise.experiments.cli;

import org.regionwise.experiments.train.ComputeBackends;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --threads} (picocli mixin), parsed and checked here for every command that computes. */
final class ThreadOptions {

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads (default: all processors).")
    Integer threads;

    /** A usage error for a count outside 1..{@link OptionRanges#MAX_THREADS}, reported against {@code spec}'s command line. */
    void validate(CommandSpec spec) {
        OptionRanges.threads(spec, threads);
    }

    /** The given count, else all processors. */
    int count() {
        return ComputeBackends.threads(threads);
    }
}
