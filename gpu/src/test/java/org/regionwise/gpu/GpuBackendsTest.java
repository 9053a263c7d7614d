package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.regionwise.gpu.tornado.TornadoBridge;
import org.regionwise.gpu.tornado.TornadoUnavailableException;

/** Backend selection by name, and the error a user sees when TornadoVM is missing. */
class GpuBackendsTest {

    @Test
    void tornadoWithoutTornadoVmFailsNamingWhatIsMissing() {
        Assumptions.assumeTrue(TornadoBridge.unavailableReason() != null, "TornadoVM is present: nothing missing to report");
        TornadoUnavailableException e = assertThrows(TornadoUnavailableException.class, () -> GpuBackends.create("tornado"));
        assertTrue(e.getMessage().contains("TornadoVM"), e.getMessage());
        assertTrue(e.getMessage().contains("tornado-argfile"), "the message says how to start the JVM: " + e.getMessage());
    }

    @Test
    void unknownNamesAreRejectedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuBackends.create("cuda", 1024));
        assertTrue(e.getMessage().contains("tornado-java"), e.getMessage());
    }

    @Test
    void plainJavaBackendNamesItsDevice() {
        GpuBackend backend = GpuBackends.create("Tornado-Java", 1024);
        assertTrue(backend.name().startsWith("tornado-java(plain Java"), backend.name());
        assertEquals("device", backend.kernels().name());
    }
}
