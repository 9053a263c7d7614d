package org.regionwise.experiments.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every command that runs a trained model shares (picocli mixin): batch, backend and threads. */
final class InferenceOptions {

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8", description = "Slices (predict: tiles) per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    BackendOptions backend;

    /** Usage errors for out-of-range values, reported against {@code spec}'s command line. */
    void validate(CommandSpec spec) {
        OptionRanges.batch(spec, batch);
        backend.validate(spec);
    }

    /** Installs the chosen backend with the chosen thread count as the default for new tensors. */
    void installBackend() {
        backend.install();
    }
}
