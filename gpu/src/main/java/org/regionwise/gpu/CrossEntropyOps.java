package org.regionwise.gpu;

import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.LossKernels;
import org.regionwise.gpu.kernels.ReductionKernels;
import org.regionwise.gpu.kernels.SoftmaxKernels;

/**
 * Channel softmax and cross entropy on resident storages ({@link SoftmaxKernels}, {@link LossKernels}): the
 * loss is reduced on the device by chunk sums, so nothing is read back unless the caller asks.
 */
public final class CrossEntropyOps {
    private final GpuBackend backend;
    private final DeviceHeap heap;
    private final ElementwiseOps elementwise;
    private final ReductionOps reductions;

    CrossEntropyOps(GpuBackend backend, ElementwiseOps elementwise, ReductionOps reductions) {
        this.backend = backend;
        this.heap = backend.heap();
        this.elementwise = elementwise;
        this.reductions = reductions;
    }

    /** y = softmax over the channel axis of NCHW x. */
    public void softmaxChannels(GpuStorage x, GpuStorage y, int n, int c, int plane) {
        int xOff = x.deviceOffset();
        heap.launch(SoftmaxKernels.forwardLaunch(n, c, plane, xOff, y.deviceOffsetForOverwrite()));
        y.deviceWritten();
    }

    /**
     * Mean cross-entropy of softmax probabilities against labels (class indices as floats, negative:
     * ignored, counted in the mean as zero as in a plain mean over pixels), as a one-element device tensor;
     * dlogits (overwritten, may be null) receives its gradient with respect to the logits.
     */
    public GpuStorage softmaxCrossEntropy(GpuStorage probs, GpuStorage labels, int n, int c, int plane, GpuStorage dlogits) {
        int pixels = n * plane;
        float scale = 1f / pixels;
        GpuStorage perPixel = backend.allocateUninitialised(pixels);
        int pOff = probs.deviceOffset();
        int lOff = labels.deviceOffset();
        int dOff = dlogits == null ? -1 : dlogits.deviceOffsetForOverwrite();
        heap.launch(LossKernels.softmaxCrossEntropyLaunch(n, c, plane, pOff, lOff, perPixel.deviceOffsetForOverwrite(), dOff, scale));
        perPixel.deviceWritten();
        if (dlogits != null) dlogits.deviceWritten();
        GpuStorage total = reductions.sum(perPixel);
        elementwise.scale(scale, total, total);
        return total;
    }

    /**
     * loss[0] = mean over the n * plane pixels of the cross entropy of channel-softmax logits against soft
     * target probabilities (autodiff's fused op; HostSoftmaxCrossEntropy); dlogits (overwritten, may be
     * null) = its gradient. Per-pixel terms, then two chunk-sum passes straight into loss: nothing is read back.
     */
    public void softTargetCrossEntropy(GpuStorage logits, GpuStorage target, int n, int c, int plane, GpuStorage loss,
                                       GpuStorage dlogits) {
        int pixels = n * plane;
        DeviceChecks.requireSize("softmaxCrossEntropy: logits", logits, n * c * plane);
        DeviceChecks.requireSize("softmaxCrossEntropy: target", target, n * c * plane);
        DeviceChecks.requireSize("softmaxCrossEntropy: loss", loss, 1);
        if (dlogits != null) DeviceChecks.requireSize("softmaxCrossEntropy: dlogits", dlogits, n * c * plane);
        int lossOff = loss.deviceOffsetForOverwrite();
        if (pixels == 0 || c == 0) {
            heap.launch(ElementwiseKernels.fillLaunch(1, lossOff, 0f));
            loss.deviceWritten();
            if (dlogits != null) elementwise.fill(dlogits, 0f);
            return;
        }
        int chunks = ReductionKernels.chunkCount(pixels, ReductionOps.SUM_CHUNK);
        // Temporaries straight from the heap and freed at once: a training step calls this every time.
        int perPixel = heap.allocate(pixels);
        int partials = heap.allocate(chunks);
        try {
            int dOff = dlogits == null ? -1 : dlogits.deviceOffsetForOverwrite();
            heap.launch(LossKernels.softTargetCrossEntropyLaunch(n, c, plane, logits.deviceOffset(), target.deviceOffset(),
                    perPixel, dOff, 1f / pixels));
            if (dlogits != null) dlogits.deviceWritten();
            heap.launch(ReductionKernels.chunkSumLaunch(pixels, ReductionOps.SUM_CHUNK, perPixel, partials));
            heap.launch(ReductionKernels.chunkSumLaunch(chunks, chunks, partials, lossOff));
            loss.deviceWritten();
        } finally {
            heap.free(partials);
            heap.free(perPixel);
        }
    }
}
