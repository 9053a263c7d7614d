package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.BitonicSortKernels;
import org.regionwise.gpu.kernels.LovaszKernels;
import org.regionwise.losses.LovaszKernel;

/**
 * The Lovasz-softmax loss on resident storages ({@link LovaszKernels}: per image and class, a bitonic sort of the
 * errors, a blocked scan of the sorted labels and the Jaccard gradient, all segments in each launch): the loss and
 * the gradient factor stay on the device, nothing is read back. Images of more than 2^24 pixels (sort indices held
 * as floats would no longer be exact) run the host body. Registered by {@link GpuKernels}, which falls back to the
 * host body through {@link ResidentOrHost} when a storage is not resident.
 */
final class DeviceLovasz implements LovaszKernel {
    /** Sorted positions per thread of the scan and gradient passes. */
    static final int CHUNK = 256;

    private final DeviceHeap heap;

    DeviceLovasz(GpuBackend backend) {
        this.heap = backend.heap();
    }

    @Override
    public void forward(int batch, int classes, int pixels, Storage probs, Storage oneHot, Storage loss, Storage dProbs) {
        if (pixels > BitonicSortKernels.MAX_SIZE) {
            LovaszKernel.HOST.forward(batch, classes, pixels, probs, oneHot, loss, dProbs);
            return;
        }
        int count = batch * classes * pixels;
        GpuStorage s = GpuStorage.of(probs);
        GpuStorage y = GpuStorage.of(oneHot);
        GpuStorage l = GpuStorage.of(loss);
        GpuStorage d = GpuStorage.of(dProbs);
        DeviceChecks.requireSize("lovasz: probs", s, count);
        DeviceChecks.requireSize("lovasz: oneHot", y, count);
        DeviceChecks.requireSize("lovasz: dProbs", d, count);
        DeviceChecks.requireSize("lovasz: loss", l, 1);
        int segments = batch * classes;
        int scratchFloats = LovaszKernels.Scratch.of(segments, pixels, CHUNK, ReductionOps.SUM_CHUNK, 0).floats();
        int sOff = s.deviceOffset();
        int yOff = y.deviceOffset();
        int dOff = d.deviceOffsetForOverwrite();
        int lOff = l.deviceOffsetForOverwrite();
        heap.launchWithScratch(scratchFloats, base -> LovaszKernels.launches(batch, classes,
                LovaszKernels.Scratch.of(segments, pixels, CHUNK, ReductionOps.SUM_CHUNK, base), sOff, yOff, dOff, lOff));
        d.deviceWritten();
        l.deviceWritten();
    }
}
