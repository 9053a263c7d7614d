package org.regionwise.gpu;

import org.junit.jupiter.api.Test;
import org.regionwise.gpu.testing.TornadoSupport;

/**
 * The training-step checks on TornadoVM (skipped without it): the autodiff MiniUNet step with the device
 * Kernels against the CPU reference, layers' UNet2d through autodiff resident on the device against the CPU
 * reference, that step's transfers, and the hand-written DeviceOps step against autodiff. Tolerances are
 * those of the plain-Java versions (UNetStepParityTest, AutodiffUNet2dStepParityTest, AutodiffResidencyTest,
 * DeviceOpsTrainingStepTest).
 */
class TornadoTrainingStepParityTest {

    @Test
    void unetStepThroughAutodiffMatchesTheCpuReference() {
        UNetStepParityTest.assertStepParity(TornadoSupport.backend());
    }

    @Test
    void unet2dStepThroughAutodiffResidentMatchesTheCpuReference() {
        AutodiffUNet2dStepParityTest.assertStepParity(TornadoSupport.backend());
    }

    @Test
    void unet2dSteadyStateStepMovesOnlyTheBatchAndAFewScalars() {
        AutodiffResidencyTest.assertResidentStep(TornadoSupport.backend());
    }

    @Test
    void residentStepMatchesAutodiff() {
        DeviceOpsTrainingStepTest.checkAgainstAutodiff(TornadoSupport.backend());
    }
}
