package org.regionwise.gpu.testing;

import org.junit.jupiter.api.Assumptions;
import org.regionwise.gpu.GpuBackend;
import org.regionwise.gpu.GpuBackends;
import org.regionwise.gpu.tornado.TornadoBridge;

/**
 * Gate and shared instance for tests that need TornadoVM. Without it they are skipped with the message
 * "skipped: TornadoVM not found" (and why), never silently passed.
 */
public final class TornadoSupport {
    public static final String SKIPPED = "skipped: TornadoVM not found";
    /** 64 MiB: plenty for the test tensors, small enough for a PoCL CPU device. */
    public static final int TEST_HEAP_FLOATS = 1 << 24;

    private static GpuBackend backend;

    private TornadoSupport() {}

    public static void assumeTornado() {
        String reason = TornadoBridge.unavailableReason();
        Assumptions.assumeTrue(reason == null, () -> SKIPPED + " (" + reason + ")");
    }

    /** One TornadoVM backend for the whole test JVM: each kernel is compiled once, on first use. */
    public static synchronized GpuBackend backend() {
        assumeTornado();
        if (backend == null) backend = GpuBackends.create(GpuBackends.TORNADO, TEST_HEAP_FLOATS);
        return backend;
    }
}
