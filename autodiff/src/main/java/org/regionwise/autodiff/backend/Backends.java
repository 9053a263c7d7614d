package org.regionwise.autodiff.backend;

import java.util.Objects;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.cpu.FastKernels;

/**
 * The default backend that new tensors are created on. Unless {@link #setDefault(Backend)} installs another
 * (a device backend, a kernel set with another thread count), it is the CPU backend with the fast kernels of
 * {@link FastKernels#best()}, made on first use: the Vector API kernels when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}, otherwise the same tiled kernels with scalar loops (slower, same
 * results up to float rounding; see {@link FastKernels}). {@link ReferenceKernels} are the double-precision
 * definitions the fast kernels are tested against, not a training path.
 *
 * <p>A thread may override the default for itself with {@link #onThisThread(Backend)}: a study runs several
 * trainings side by side in one process, each on its own kernel set with its share of the cores (the kernels
 * serialise calls per instance, so sharing one would queue the trainings).
 */
public final class Backends {
    private static volatile Backend defaultBackend;
    private static final ThreadLocal<Backend> THREAD = new ThreadLocal<>();

    private Backends() {}

    /** The calling thread's backend if it set one, else the process-wide default. */
    public static Backend getDefault() {
        Backend own = THREAD.get();
        if (own != null) return own;
        Backend backend = defaultBackend;
        if (backend != null) return backend;
        synchronized (Backends.class) {
            if (defaultBackend == null) defaultBackend = new CpuBackend(FastKernels.best());
            return defaultBackend;
        }
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
