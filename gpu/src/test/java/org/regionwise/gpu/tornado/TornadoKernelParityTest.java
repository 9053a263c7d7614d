package org.regionwise.gpu.tornado;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.gpu.GpuBackend;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.Kernel;
import org.regionwise.gpu.kernels.Launch;
import org.regionwise.gpu.testing.KernelCase;
import org.regionwise.gpu.testing.KernelCases;
import org.regionwise.gpu.testing.Tolerance;
import org.regionwise.gpu.testing.TornadoSupport;

/**
 * Every kernel on TornadoVM against the same kernel as plain Java (which the *Properties tests hold against
 * autodiff's reference). Both run the same loops in the same order per element, so they differ only by
 * fused multiply-adds and the device's exp/log/sqrt: the tolerance is 1e-5 absolute plus 1e-5 relative.
 */
class TornadoKernelParityTest {
    static final Tolerance PARITY = new Tolerance(1e-5, 1e-5);

    static Stream<KernelCase> cases() {
        return KernelCases.all(0).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void kernelMatchesPlainJava(KernelCase template) {
        GpuBackend backend = TornadoSupport.backend();
        DeviceHeap heap = backend.heap();
        int base = heap.allocate(template.image().length);
        try {
            // Rebuild the case at the block's offset: launches carry absolute heap offsets.
            KernelCase c = KernelCases.all(base).stream().filter(k -> k.name().equals(template.name())).findFirst().orElseThrow();
            heap.upload(c.image(), 0, base, c.image().length);
            for (Launch l : c.launches()) heap.launch(l);
            float[] device = new float[c.image().length];
            heap.download(base, device, 0, device.length);
            float[] onDevice = c.gather(device, base);
            float[] inJava = c.runInJava();
            PARITY.assertClose(c.name(), inJava, onDevice);
        } finally {
            heap.free(base);
        }
    }

    /** The chunked sums and the one-launch Adam: no atomics, a fixed order, so a second run gives the same bits. */
    static Stream<KernelCase> deterministicCases() {
        return KernelCases.all(0).stream().filter(c -> c.name().contains("sums") || c.name().contains("norm")
                || c.name().startsWith("adam"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deterministicCases")
    void kernelGivesTheSameBitsTwice(KernelCase template) {
        GpuBackend backend = TornadoSupport.backend();
        DeviceHeap heap = backend.heap();
        int base = heap.allocate(template.image().length);
        try {
            KernelCase c = KernelCases.all(base).stream().filter(k -> k.name().equals(template.name())).findFirst().orElseThrow();
            float[][] runs = new float[2][];
            for (int run = 0; run < 2; run++) {
                heap.upload(c.image(), 0, base, c.image().length);
                for (Launch l : c.launches()) heap.launch(l);
                float[] device = new float[c.image().length];
                heap.download(base, device, 0, device.length);
                runs[run] = c.gather(device, base);
            }
            new Tolerance(0, 0).assertClose(c.name() + ", second run", runs[0], runs[1]);
        } finally {
            heap.free(base);
        }
    }

    @Test
    void everyKernelHasAParityCase() {
        assertEquals(EnumSet.allOf(Kernel.class), KernelCases.covered());
    }

    @Test
    void deviceIsTornado() {
        String name = TornadoSupport.backend().name();
        System.out.println("[gpu] parity device: " + name);
        assertEquals(true, name.contains("TornadoVM"), name);
    }
}
