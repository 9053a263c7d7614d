package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.UNet2dTraining;

/**
 * Residency through autodiff: after a warm-up step (parameters uploaded, gradients and Adam's moments
 * allocated on the device), a steady-state UNet2d training step (zero-grad, forward, cross-entropy, loss read
 * back, backward, Adam) moves only its new batch up (the image and the one-hot target) and at most a few
 * scalars (today: the loss read back; autodiff's backward seed is a fill on the device). LossResidencyTest
 * counts the same exactly for every registered loss.
 */
class AutodiffResidencyTest {
    /** Scalars a step may move each way beyond the batch: loss and seed down, seed up, with room for one more. */
    static final int SCALARS = 3;

    @Test
    void aSteadyStateStepMovesOnlyTheBatchAndAFewScalars() {
        assertResidentStep(GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 22));
    }

    /**
     * The same with the paper's loss (LossRegistry's {@code rrw}): the step moves the image and the RRW map up
     * (the map is computed on the host from the labels of each new target, which then keeps it on the device),
     * and the same few scalars.
     */
    @Test
    void aSteadyStateRrwStepMovesOnlyTheImageTheMapAndAFewScalars() {
        assertResidentStep(GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 22), "rrw");
    }

    /** Shared with the TornadoVM parity test. */
    static void assertResidentStep(GpuBackend backend) {
        assertResidentStep(backend, null);
    }

    /** A steady-state step with LossRegistry's {@code lossName} (null: the fused cross entropy). */
    static void assertResidentStep(GpuBackend backend, String lossName) {
        UNet2dTraining training = new UNet2dTraining(backend, 5, lossName);
        training.step();
        TransferStats stats = backend.stats();
        long uploads = stats.uploads();
        long uploaded = stats.uploadedFloats();
        long downloads = stats.downloads();
        long downloaded = stats.downloadedFloats();
        long launches = stats.launches();
        training.step();
        long upFloats = stats.uploadedFloats() - uploaded;
        long downFloats = stats.downloadedFloats() - downloaded;
        String step = (stats.uploads() - uploads) + " uploads (" + upFloats + " floats), " + (stats.downloads() - downloads)
                + " downloads (" + downFloats + " floats), " + (stats.launches() - launches) + " launches";
        System.out.println("[gpu] steady-state UNet2d step through autodiff (" + (lossName == null ? "cross entropy" : lossName)
                + "): " + step + "; batch = "
                + UNet2dTraining.batchFloats() + " floats");
        assertTrue(upFloats <= UNet2dTraining.batchFloats() + SCALARS, "uploaded more than the batch and " + SCALARS + " scalars: " + step);
        assertTrue(stats.uploads() - uploads <= 2 + SCALARS, "more than 2 + " + SCALARS + " uploads: " + step);
        assertTrue(downFloats <= SCALARS, "downloaded more than " + SCALARS + " scalars: " + step);
    }
}
