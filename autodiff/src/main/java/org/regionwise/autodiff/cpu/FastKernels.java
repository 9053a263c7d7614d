package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.Kernels;

/**
 * Chooses the fastest kernel set this JVM can run; the default backend ({@code Backends.getDefault()}) is
 * the CPU backend with {@link #best()}, so a library user gets these kernels without installing anything.
 *
 * <p>Without the Vector API: {@code jdk.incubator.vector} is an incubator module, resolved only when the
 * JVM is started with {@code --add-modules jdk.incubator.vector} (the {@code regionwise} launcher and the
 * build's test runs pass it). Without it, {@link #best()} returns {@link ScalarKernels}: the same tiling and
 * threads with a scalar micro-kernel, slower but otherwise the same; nothing fails and nothing is logged
 * ({@link #vectorApiPresent()} tells which one runs, and the kernel set's name says it).
 *
 * <p>Threads: system property {@value #THREADS_PROPERTY}, default all available processors.
 */
public final class FastKernels {
    public static final String THREADS_PROPERTY = "regionwise.threads";

    private FastKernels() {}

    /** True when the JVM was started with {@code --add-modules jdk.incubator.vector}. */
    public static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** VectorKernels when the Vector API is resolved, else ScalarKernels; {@link #threads()} threads. */
    public static Kernels best() {
        return best(threads());
    }

    public static Kernels best(int threads) {
        // VectorKernels is named only in this branch, so without the module it is never loaded.
        return vectorApiPresent() ? new VectorKernels(threads) : new ScalarKernels(threads);
    }

    /** The configured thread count. */
    public static int threads() {
        String configured = System.getProperty(THREADS_PROPERTY);
        if (configured == null || configured.isBlank()) return Runtime.getRuntime().availableProcessors();
        try {
            int t = Integer.parseInt(configured.trim());
            if (t < 1) throw new NumberFormatException();
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(THREADS_PROPERTY + " must be a positive integer, got '" + configured + "'");
        }
    }
}
