package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;

/** The training loop's guard: any NaN or infinity is caught, large finite values are not. */
class AllFiniteTest {

    @Test
    void nanAndInfinitiesAreCaughtLargeFiniteValuesAreNot() {
        for (Kernels kernels : FastKernelSets.all()) {
            CpuBackend cpu = new CpuBackend(kernels);
            assertTrue(kernels.allFinite(cpu.fromHost(new float[] {3e38f, -3e38f, 0f, Float.MIN_VALUE})));
            for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
                assertFalse(kernels.allFinite(cpu.fromHost(new float[] {1f, bad, 2f})), kernels.name() + ": " + bad);
            }
        }
    }
}
