package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.Tolerance;
import org.regionwise.losses.HostRegionWise;
import org.regionwise.losses.RegionWiseKernel;

/**
 * A fused op's kernel on the GPU backend: the device implementation when every storage is resident (no
 * transfer), the op's host body when one is not (a CPU map mixed in), with the same numbers.
 */
class FusedKernelFallbackTest {
    private static final int N = 2, C = 3, PLANE = 5, COUNT = N * C * PLANE;

    @Test
    void residentCallsStayOnTheDeviceAndMixedOnesRunTheHostBody() {
        GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 16);
        RegionWiseKernel kernel = backend.kernels().fused(RegionWiseKernel.class, RegionWiseKernel.HOST);
        assertNotSame(RegionWiseKernel.HOST, kernel, "the GPU backend registers its own RW kernel");

        float[] logits = new float[COUNT];
        float[] map = new float[COUNT];
        for (int i = 0; i < COUNT; i++) {
            logits[i] = (i * 7 % 11) / 3f - 1.5f;
            map[i] = (i * 5 % 13) / 6f - 1f;
        }
        float[] probsRef = new float[COUNT];
        float lossRef = HostRegionWise.forward(N, C, PLANE, false, logits, map, probsRef);

        GpuStorage x = backend.fromHost(logits.clone());
        GpuStorage z = backend.fromHost(map.clone());
        GpuStorage loss = backend.allocateScratch(1);
        GpuStorage probs = backend.allocateScratch(COUNT);
        x.deviceOffset();
        z.deviceOffset();
        TransferStats stats = backend.stats();
        long moves = stats.uploads() + stats.downloads();
        kernel.forward(N, C, PLANE, false, x, z, loss, probs);
        assertEquals(moves, stats.uploads() + stats.downloads(), "resident: nothing moved");
        Tolerance close = new Tolerance(1e-5, 1e-5);
        close.assertClose("device loss", new float[] {lossRef}, loss.host());

        Backend cpu = new CpuBackend(new ReferenceKernels());
        Storage cpuMap = cpu.fromHost(map.clone());
        Storage loss2 = backend.allocateScratch(1);
        Storage probs2 = backend.allocateScratch(COUNT);
        kernel.forward(N, C, PLANE, false, x, cpuMap, loss2, probs2);
        new Tolerance(0, 0).assertClose("host-body loss", new float[] {lossRef}, loss2.host());
        new Tolerance(0, 0).assertClose("host-body probabilities", probsRef, probs2.host());
    }
}
