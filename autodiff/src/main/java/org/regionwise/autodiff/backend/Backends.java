package org.regionwise.autodiff.backend;

import java.util.Objects;

/**
 * The process-wide default backend that new tensors are created on. Starts as the CPU backend with the
 * reference kernels; a faster kernel set (or a device backend) is installed once at start-up with
 * {@link #setDefault(Backend)}.
 */
public final class Backends {
    private static volatile Backend defaultBackend = new CpuBackend(new ReferenceKernels());

    private Backends() {}

    public static Backend getDefault() {
        return defaultBackend;
    }

    public static void setDefault(Backend backend) {
        defaultBackend = Objects.requireNonNull(backend, "backend");
    }
}
