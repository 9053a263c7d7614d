package org.regionwise.experiments.cli;

import org.regionwise.experiments.train.ComputeBackends;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --threads} (picocli mixin), parsed and checked here for every command that computes. */
final class ThreadOptions {

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads (default: all processors).")
    Integer threads;

    /** A usage error for a count below 1, reported against {@code spec}'s command line. */
    void validate(CommandSpec spec) {
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
    }

    /** The given count, else all processors. */
    int count() {
        return ComputeBackends.threads(threads);
    }
}
