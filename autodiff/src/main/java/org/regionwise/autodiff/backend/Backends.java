package org.regionwise.autodiff.backend;

import java.util.Objects;
import org.regionwise.autodiff.GradMode;

/**
 * The default backend that new tensors are created on. Starts as the CPU backend with the reference
 * kernels; a faster kernel set (or a device backend) is installed once at start-up with
 * {@link #setDefault(Backend)}. A thread may override it for itself with {@link #onThisThread(Backend)}:
 * a study runs several trainings side by side in one process, each on its own kernel set with its share
 * of the cores (the kernels serialise calls per instance, so sharing one would queue the trainings).
 */
public final class Backends {
    private static volatile Backend defaultBackend = new CpuBackend(new ReferenceKernels());
    private static final ThreadLocal<Backend> THREAD = new ThreadLocal<>();

    private Backends() {}

    /** The calling thread's backend if it set one, else the process-wide default. */
    public static Backend getDefault() {
        Backend own = THREAD.get();
        return own != null ? own : defaultBackend;
    }

    public static void setDefault(Backend backend) {
        defaultBackend = Objects.requireNonNull(backend, "backend");
    }

    /** Makes {@code backend} the calling thread's default until the returned scope is closed; scopes nest. */
    public static GradMode.Scope onThisThread(Backend backend) {
        Objects.requireNonNull(backend, "backend");
        Backend previous = THREAD.get();
        THREAD.set(backend);
        return () -> {
            if (previous == null) THREAD.remove();
            else THREAD.set(previous);
        };
    }
}
