package org.regionwise.experiments.train;

import java.util.List;
import java.util.function.UnaryOperator;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.gpu.GpuBackends;

/**
 * The commands' {@code --backend} and {@code --threads}: installs the process-wide default backend
 * before any tensor is made. The names and what they build are {@link GpuBackends#byName}'s, the one
 * registry the bench uses too.
 */
public final class ComputeBackends {
    /** The CPU backend's name. */
    public static final String CPU = GpuBackends.CPU;

    private ComputeBackends() {}

    /** Every name {@code --backend} accepts. */
    public static List<String> names() {
        return GpuBackends.names();
    }

    /**
     * Installs backend {@code name} with {@code threads} CPU threads and returns it.
     *
     * @throws IllegalArgumentException for an unknown name or a thread count below 1
     * @throws IllegalStateException    when a GPU backend was asked for and TornadoVM is not usable (the
     *                                  message says what is missing)
     */
    public static Backend install(String name, int threads) {
        Backend backend = GpuBackends.byName(name, threads, UnaryOperator.identity());
        Backends.setDefault(backend);
        return backend;
    }

    /** A thread count for a command: the given one, else {@link FastKernels#threads()} (all processors by default). */
    public static int threads(Integer requested) {
        return requested != null ? requested : FastKernels.threads();
    }
}
