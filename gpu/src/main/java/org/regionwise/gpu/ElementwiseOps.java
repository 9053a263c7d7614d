package org.regionwise.gpu;

import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.BlockKernels;
import org.regionwise.gpu.kernels.ElementwiseKernels;

/**
 * Elementwise ops and strided block copies on resident storages ({@link ElementwiseKernels},
 * {@link BlockKernels}): fills, scaled adds, channel bias, leaky ReLU, concatenation's copies.
 */
public final class ElementwiseOps {
    private final DeviceHeap heap;

    ElementwiseOps(DeviceHeap heap) {
        this.heap = heap;
    }

    public void fill(GpuStorage out, float value) {
        heap.launch(ElementwiseKernels.fillLaunch(out.size(), out.deviceOffsetForOverwrite(), value));
        out.deviceWritten();
    }

    /** y += alpha * x. */
    public void axpy(float alpha, GpuStorage x, GpuStorage y) {
        heap.launch(ElementwiseKernels.axpyLaunch(x.size(), alpha, x.deviceOffset(), y.deviceOffset()));
        y.deviceWritten();
    }

    /** y += scale[0] * x, the factor read on the device (scale is a one-element tensor, e.g. a loss gradient). */
    public void scaledAccumulate(GpuStorage scale, GpuStorage x, GpuStorage y) {
        DeviceChecks.requireSize("scaledAccumulate: scale", scale, 1);
        DeviceChecks.requireSize("scaledAccumulate: destination", y, x.size());
        heap.launch(ElementwiseKernels.scaledAccumulateLaunch(x.size(), scale.deviceOffset(), x.deviceOffset(), y.deviceOffset()));
        y.deviceWritten();
    }

    /**
     * dst[b * dstStride + dstOffset + i] (+)= src[b * srcStride + srcOffset + i] for b < blocks, i < length:
     * concatenation, its backward, and whole-tensor gradient accumulation. Bounds are checked here, because
     * on the device an out-of-range block would silently overwrite a neighbouring tensor.
     */
    public void copyBlocks(int blocks, int length, GpuStorage src, int srcOffset, int srcStride,
                           GpuStorage dst, int dstOffset, int dstStride, boolean accumulate) {
        if (blocks <= 0 || length <= 0) return;
        requireBlocks("source", blocks, length, srcOffset, srcStride, src);
        requireBlocks("destination", blocks, length, dstOffset, dstStride, dst);
        if (src == dst && overlap(blocks, length, srcOffset, srcStride, dstOffset, dstStride)) {
            // On the host this would be a defined sequential copy; on the device it is a race.
            throw new IllegalArgumentException("copyBlocks: source and destination ranges overlap in one storage");
        }
        int srcOff = src.deviceOffset() + srcOffset;
        // Not deviceOffsetForOverwrite: blocks may leave gaps in dst whose values must survive.
        int dstOff = dst.deviceOffset() + dstOffset;
        heap.launch(BlockKernels.copyBlocksLaunch(blocks, length, srcOff, srcStride, dstOff, dstStride, accumulate));
        dst.deviceWritten();
    }

    public void scale(float alpha, GpuStorage x, GpuStorage out) {
        int xOff = x.deviceOffset();
        heap.launch(ElementwiseKernels.scaleLaunch(x.size(), alpha, xOff, out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    /** NCHW x += bias[c]. */
    public void addChannelBias(GpuStorage x, GpuStorage bias, int n, int c, int plane) {
        heap.launch(ElementwiseKernels.addChannelBiasLaunch(n, c, plane, x.deviceOffset(), bias.deviceOffset()));
        x.deviceWritten();
    }

    public void leakyRelu(float slope, GpuStorage x, GpuStorage out) {
        int xOff = x.deviceOffset();
        heap.launch(ElementwiseKernels.leakyReluLaunch(x.size(), slope, xOff, out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    /** dx += dy * leakyRelu'(x). */
    public void leakyReluBackward(float slope, GpuStorage x, GpuStorage dy, GpuStorage dx) {
        heap.launch(ElementwiseKernels.leakyReluBackwardLaunch(x.size(), slope, x.deviceOffset(), dy.deviceOffset(), dx.deviceOffset()));
        dx.deviceWritten();
    }

    /** Whether the two block ranges' overall spans intersect (conservative: gaps between blocks are not credited). */
    private static boolean overlap(int blocks, int length, int srcOffset, int srcStride, int dstOffset, int dstStride) {
        long srcEnd = (long) (blocks - 1) * srcStride + srcOffset + length;
        long dstEnd = (long) (blocks - 1) * dstStride + dstOffset + length;
        return srcOffset < dstEnd && dstOffset < srcEnd;
    }

    private static void requireBlocks(String what, int blocks, int length, int offset, int stride, GpuStorage s) {
        long first = offset;
        long end = (long) (blocks - 1) * stride + offset + length;
        if (first < 0 || stride < 0 || end > s.size()) {
            throw new IllegalArgumentException("copyBlocks: " + what + " blocks (" + blocks + " x " + length + " at offset "
                    + offset + ", stride " + stride + ") do not fit its " + s.size() + " elements");
        }
    }
}
