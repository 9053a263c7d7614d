package org.regionwise.gpu;

import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.ReductionKernels;
import org.regionwise.gpu.kernels.RegionWiseKernels;

/** The fused Region-wise loss and its backward on resident storages ({@link RegionWiseKernels}). */
public final class RegionWiseOps {
    private final DeviceHeap heap;

    RegionWiseOps(DeviceHeap heap) {
        this.heap = heap;
    }

    /**
     * loss[0] = the Region-wise loss, mean over (n, c, plane) of softmax(logits) * map, or of its square when
     * {@code squared} (losses.HostRegionWise); probs (overwritten) = the softmax, saved for backward. Per-pixel
     * shares, then two chunk-sum passes straight into loss: nothing is read back.
     */
    public void regionWise(GpuStorage logits, GpuStorage map, int n, int c, int plane, boolean squared, GpuStorage loss,
                           GpuStorage probs) {
        int count = n * c * plane;
        int pixels = n * plane;
        DeviceChecks.requireSize("regionWise: logits", logits, count);
        DeviceChecks.requireSize("regionWise: map", map, count);
        DeviceChecks.requireSize("regionWise: probs", probs, count);
        DeviceChecks.requireSize("regionWise: loss", loss, 1);
        int lossOff = loss.deviceOffsetForOverwrite();
        if (count == 0) {
            heap.launch(ElementwiseKernels.fillLaunch(1, lossOff, 0f));
            loss.deviceWritten();
            return;
        }
        int chunks = ReductionKernels.chunkCount(pixels, ReductionOps.SUM_CHUNK);
        int perPixel = heap.allocate(pixels);
        int partials = heap.allocate(chunks);
        try {
            heap.launch(RegionWiseKernels.forwardLaunch(n, c, plane, squared, logits.deviceOffset(), map.deviceOffset(),
                    probs.deviceOffsetForOverwrite(), perPixel, (float) (1.0 / ((double) n * c * plane))));
            probs.deviceWritten();
            heap.launch(ReductionKernels.chunkSumLaunch(pixels, ReductionOps.SUM_CHUNK, perPixel, partials));
            heap.launch(ReductionKernels.chunkSumLaunch(chunks, chunks, partials, lossOff));
            loss.deviceWritten();
        } finally {
            heap.free(partials);
            heap.free(perPixel);
        }
    }

    /** dlogits += gradOut[0] times the Region-wise gradient from the saved probabilities (losses.HostRegionWise). */
    public void regionWiseBackward(GpuStorage probs, GpuStorage map, GpuStorage gradOut, int n, int c, int plane, boolean squared,
                                   GpuStorage dlogits) {
        int count = n * c * plane;
        DeviceChecks.requireSize("regionWiseBackward: probs", probs, count);
        DeviceChecks.requireSize("regionWiseBackward: map", map, count);
        DeviceChecks.requireSize("regionWiseBackward: gradOut", gradOut, 1);
        DeviceChecks.requireSize("regionWiseBackward: dlogits", dlogits, count);
        if (count == 0) return;
        heap.launch(RegionWiseKernels.backwardLaunch(n, c, plane, squared, probs.deviceOffset(), map.deviceOffset(),
                gradOut.deviceOffset(), dlogits.deviceOffset(), (float) (1.0 / ((double) n * c * plane))));
        dlogits.deviceWritten();
    }
}
