package org.regionwise.experiments.cli;

import org.regionwise.autodiff.backend.Backend;
import org.regionwise.experiments.train.ComputeBackends;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** {@code --backend} and {@code --threads} (picocli mixin): where a command's tensors compute. */
final class BackendOptions {

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = ComputeBackends.CPU,
            description = "cpu, or tornado (the GPU backend; needs TornadoVM), tornado:N on its device N (default: ${DEFAULT-VALUE}).")
    String backend;

    @Mixin
    ThreadOptions threads;

    /** Usage errors for out-of-range values, reported against {@code spec}'s command line. */
    void validate(CommandSpec spec) {
        OptionRanges.backend(spec, backend);
        threads.validate(spec);
    }

    /** The thread count: the given one, else all processors. */
    int threadCount() {
        return threads.count();
    }

    /** Installs the chosen backend with the chosen thread count as the default for new tensors. */
    Backend install() {
        return ComputeBackends.install(backend, threadCount());
    }
}
