package org.regionwise.experiments.cli;

import org.regionwise.experiments.train.ComputeBackends;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every command that runs a trained model shares (picocli mixin): batch, threads, backend. */
final class InferenceOptions {

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8", description = "Slices (predict: tiles) per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads (default: all processors).")
    Integer threads;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = ComputeBackends.CPU,
            description = "cpu, or tornado (the GPU backend; needs TornadoVM) (default: ${DEFAULT-VALUE}).")
    String backend;

    /** Usage errors for out-of-range values, reported against {@code spec}'s command line. */
    void validate(CommandSpec spec) {
        if (batch < 1) throw new ParameterException(spec.commandLine(), "--batch must be at least 1, got " + batch);
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
    }

    /** Installs the chosen backend with the chosen thread count as the default for new tensors. */
    void installBackend() {
        ComputeBackends.install(backend, ComputeBackends.threads(threads));
    }
}
