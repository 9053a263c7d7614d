package org.regionwise.gpu;

import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.gpu.testing.MiniUNet;
import org.regionwise.gpu.testing.Tolerance;

/**
 * One U-Net training step through autodiff with the GPU backend's Kernels (here on the plain-Java device)
 * against the CPU backend with the reference kernels: same loss, gradients and Adam update. The device
 * kernels accumulate in float, the reference in double, so results agree to float rounding.
 */
class UNetStepParityTest {
    /** loss: 1e-5 relative; gradients: 1e-5 absolute + 1e-3 relative; parameters after Adam: 1e-5 absolute. */
    static final Tolerance LOSS = new Tolerance(1e-6, 1e-5);
    static final Tolerance GRADIENTS = new Tolerance(1e-5, 1e-3);
    static final Tolerance PARAMETERS = new Tolerance(1e-5, 1e-5);

    @Test
    void deviceKernelsMatchTheReferenceOnAFullStep() {
        assertStepParity(GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 20));
    }

    /** Shared with the TornadoVM parity test. */
    static void assertStepParity(GpuBackend backend) {
        MiniUNet.StepResult cpu = MiniUNet.trainingStep(new CpuBackend(new ReferenceKernels()), 2, 1, 12, 10, 4, 3, 7);
        MiniUNet.StepResult gpu = MiniUNet.trainingStep(backend, 2, 1, 12, 10, 4, 3, 7);
        LOSS.assertClose("loss", new float[] {cpu.loss()}, new float[] {gpu.loss()});
        GRADIENTS.assertClose("gradients", cpu.gradients(), gpu.gradients());
        PARAMETERS.assertClose("parameters after Adam", cpu.updatedParameters(), gpu.updatedParameters());
    }
}
