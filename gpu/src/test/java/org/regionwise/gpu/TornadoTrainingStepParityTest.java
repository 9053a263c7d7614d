package org.regionwise.gpu;

import org.junit.jupiter.api.Test;
import org.regionwise.gpu.testing.TornadoSupport;

/**
 * The two training-step parity checks on TornadoVM (skipped without it): the autodiff U-Net step with the
 * device Kernels against the CPU reference, and the fully resident DeviceOps step against autodiff.
 * Tolerances are those of the plain-Java versions (UNetStepParityTest, DeviceOpsTrainingStepTest).
 */
class TornadoTrainingStepParityTest {

    @Test
    void unetStepThroughAutodiffMatchesTheCpuReference() {
        UNetStepParityTest.assertStepParity(TornadoSupport.backend());
    }

    @Test
    void residentStepMatchesAutodiff() {
        DeviceOpsTrainingStepTest.checkAgainstAutodiff(TornadoSupport.backend());
    }
}
