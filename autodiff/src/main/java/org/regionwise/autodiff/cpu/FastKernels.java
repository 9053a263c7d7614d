package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.Kernels;

/**
 * Chooses the fastest kernel set this JVM can run. Install at start-up with
 * {@code Backends.setDefault(new CpuBackend(FastKernels.best()))}.
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
