package org.regionwise.gpu;

import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AxisSumKernels;
import org.regionwise.gpu.kernels.ReductionKernels;

/**
 * Sums on resident storages without atomics ({@link ReductionKernels}, {@link AxisSumKernels}): whole-tensor sums,
 * channel sums, a finiteness check.
 */
public final class ReductionOps {
    /** Elements per partial sum in the first pass of {@link #sum}: enough threads for a GPU, short serial runs. */
    static final int SUM_CHUNK = 256;

    private final GpuBackend backend;
    private final DeviceHeap heap;
    private final ElementwiseOps elementwise;

    ReductionOps(GpuBackend backend, ElementwiseOps elementwise) {
        this.backend = backend;
        this.heap = backend.heap();
        this.elementwise = elementwise;
    }

    /** Sum of all elements, as a one-element device tensor (two passes of chunk sums, no atomics). */
    public GpuStorage sum(GpuStorage x) {
        int count = x.size();
        int chunks = ReductionKernels.chunkCount(count, SUM_CHUNK);
        GpuStorage partials = backend.allocateUninitialised(Math.max(chunks, 1));
        GpuStorage total = backend.allocateUninitialised(1);
        if (count == 0) {
            elementwise.fill(total, 0f);
            return total;
        }
        heap.launch(ReductionKernels.chunkSumLaunch(count, SUM_CHUNK, x.deviceOffset(), partials.deviceOffsetForOverwrite()));
        heap.launch(ReductionKernels.chunkSumLaunch(chunks, chunks, partials.deviceOffset(), total.deviceOffsetForOverwrite()));
        total.deviceWritten();
        return total;
    }

    /**
     * Whether every element of x is finite, with one float downloaded: x * 0 is 0 for a finite element and
     * NaN for an infinite or NaN one, so the sum of x * 0 is NaN exactly when some element is not finite
     * (summing x itself could overflow on large finite values).
     */
    public boolean allFinite(GpuStorage x) {
        GpuStorage zeros = backend.allocateUninitialised(x.size());
        elementwise.scale(0f, x, zeros);
        return Float.isFinite(sum(zeros).host()[0]);
    }

    /**
     * NCHW sums[c] += sum over images and the plane of x[:, c, :] (a bias gradient), chunked: one work-item per
     * (channel, chunk of 256), then each channel's partials in order.
     */
    public void channelSums(GpuStorage x, GpuStorage sums, int n, int c, int plane) {
        DeviceChecks.requireSize("channelSums: input", x, n * c * plane);
        DeviceChecks.requireSize("channelSums: sums", sums, c);
        int xOff = x.deviceOffset();
        int sOff = sums.deviceOffset();
        heap.launchWithScratch(AxisSumKernels.channelPartials(n, c, plane),
                partials -> AxisSumKernels.channelSumsLaunches(n, c, plane, xOff, sOff, partials));
        sums.deviceWritten();
    }
}
