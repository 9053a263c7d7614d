package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.ResidentStep;
import org.regionwise.gpu.testing.Tolerance;

/**
 * A training step kept on the device (DeviceOps), on the plain-Java device: same loss and updated
 * parameters as autodiff on the CPU, and after set-up a step moves exactly one float (the loss).
 */
class DeviceOpsTrainingStepTest {
    static final int N = 2, IN = 2, WIDTH = 4, CLASSES = 3, H = 6, W = 7;

    @Test
    void residentStepMatchesAutodiff() {
        GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 18);
        checkAgainstAutodiff(backend);
    }

    @Test
    void afterSetUpAStepDownloadsOnlyTheLossAndUploadsNothing() {
        GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 18);
        ResidentStep step = new ResidentStep(backend, ResidentStep.Init.random(5, N, IN, WIDTH, CLASSES, H, W), N, IN, WIDTH, CLASSES, H, W);
        step.step();
        TransferStats stats = backend.stats();
        long uploads = stats.uploads();
        long downloadedFloats = stats.downloadedFloats();
        step.step();
        assertEquals(uploads, stats.uploads(), "uploads during a resident step");
        assertEquals(downloadedFloats + 1, stats.downloadedFloats(), "floats downloaded during a resident step");
    }

    /** Shared with the TornadoVM parity test. */
    static void checkAgainstAutodiff(GpuBackend backend) {
        ResidentStep.Init init = ResidentStep.Init.random(11, N, IN, WIDTH, CLASSES, H, W);
        List<float[]> expected = new ArrayList<>();
        float expectedLoss = ResidentStep.autodiffStep(init, N, IN, WIDTH, CLASSES, H, W, expected);
        ResidentStep step = new ResidentStep(backend, init, N, IN, WIDTH, CLASSES, H, W);
        float loss = step.step();
        new Tolerance(1e-6, 1e-5).assertClose("loss", new float[] {expectedLoss}, new float[] {loss});
        GpuStorage[] params = step.parameters();
        String[] names = {"w1", "gamma", "beta", "w2", "b2"};
        // Adam moves each parameter by about lr = 1e-2 in the sign of its gradient: 1e-5 absolute is
        // 0.1% of a step, and catches a wrong gradient sign or scale.
        for (int i = 0; i < params.length; i++) {
            new Tolerance(1e-5, 1e-5).assertClose(names[i], expected.get(i), params[i].host());
        }
    }
}
