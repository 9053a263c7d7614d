package org.regionwise.experiments.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.gpu.GpuBackends;
import org.regionwise.gpu.tornado.TornadoUnavailableException;

/**
 * The commands' {@code --backend} and {@code --threads}: installs the process-wide default backend
 * before any tensor is made. {@code cpu} is the fast CPU kernels ({@link FastKernels#best(int)}: the
 * Vector API when the JVM has it, scalar loops otherwise); the GPU module's names ({@code tornado},
 * {@code tornado-java}) go to {@link GpuBackends#create}.
 */
public final class ComputeBackends {
    /** The CPU backend's name. */
    public static final String CPU = "cpu";

    private ComputeBackends() {}

    /** Every name {@code --backend} accepts. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(CPU));
        names.addAll(GpuBackends.names());
        return names;
    }

    /**
     * Installs backend {@code name} with {@code threads} CPU threads and returns it.
     *
     * @throws IllegalArgumentException for an unknown name or a thread count below 1
     * @throws IllegalStateException    when a GPU backend was asked for and TornadoVM is not usable (the
     *                                  message says what is missing)
     */
    public static Backend install(String name, int threads) {
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        String key = name == null ? CPU : name.trim().toLowerCase(Locale.ROOT);
        Backend backend;
        if (key.equals(CPU)) {
            backend = new CpuBackend(FastKernels.best(threads));
        } else if (GpuBackends.names().contains(key)) {
            try {
                backend = GpuBackends.create(key);
            } catch (TornadoUnavailableException e) {
                throw new IllegalStateException("--backend " + key + ": " + e.getMessage(), e);
            }
        } else {
            throw new IllegalArgumentException("unknown backend '" + name + "'; valid: " + String.join(", ", names()));
        }
        Backends.setDefault(backend);
        return backend;
    }

    /** A thread count for a command: the given one, else {@link FastKernels#threads()} (all processors by default). */
    public static int threads(Integer requested) {
        return requested != null ? requested : FastKernels.threads();
    }
}
