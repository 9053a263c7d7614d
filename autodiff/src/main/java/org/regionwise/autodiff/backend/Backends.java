package org.regionwise.autodiff.backend;

import java.util.Objects;
import org.regionwise.autodiff.cpu.FastKernels;

/**
 * The process-wide default backend that new tensors are created on. Unless {@link #setDefault(Backend)}
 * installs another (a device backend, a kernel set with another thread count), it is the CPU backend with
 * the fast kernels of {@link FastKernels#best()}, made on first use: the Vector API kernels when the JVM
 * was started with {@code --add-modules jdk.incubator.vector}, otherwise the same tiled kernels with scalar
 * loops (slower, same results up to float rounding; see {@link FastKernels}). {@link ReferenceKernels} are
 * the double-precision definitions the fast kernels are tested against, not a training path.
 */
public final class Backends {
    private static volatile Backend defaultBackend;

    private Backends() {}

    public static Backend getDefault() {
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
}
