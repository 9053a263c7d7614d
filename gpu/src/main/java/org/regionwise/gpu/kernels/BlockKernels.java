package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Strided block copies: {@code blocks} runs of {@code length} elements, run b starting at
 * {@code src + b * srcStride} and {@code dst + b * dstStride}. Concatenation along an axis is one launch per
 * input (each input's blocks land in its slice of every outer index), its backward the same with the roles
 * swapped and accumulating, and gradient accumulation of a whole tensor is one block of everything.
 */
public final class BlockKernels {
    private BlockKernels() {}

    /**
     * dst[b * dstStride + i] = src[b * srcStride + i], or += when accumulate is 1, for b < blocks, i < length.
     * Source and destination ranges must not overlap. ints: blocks, length, src, srcStride, dst, dstStride, accumulate.
     */
    public static void copyBlocks(float[] heap, int[] ints, float[] floats) {
        int blocks = ints[0];
        int length = ints[1];
        int src = ints[2];
        int srcStride = ints[3];
        int dst = ints[4];
        int dstStride = ints[5];
        int accumulate = ints[6];
        int total = blocks * length;
        for (@Parallel int i = 0; i < total; i++) {
            int b = i / length;
            int j = i - b * length;
            float v = heap[src + b * srcStride + j];
            int d = dst + b * dstStride + j;
            if (accumulate != 0) {
                heap[d] += v;
            } else {
                heap[d] = v;
            }
        }
    }

    public static Launch copyBlocksLaunch(int blocks, int length, int src, int srcStride, int dst, int dstStride, boolean accumulate) {
        return Launch.of(Kernel.COPY_BLOCKS, blocks * length,
                new int[] {blocks, length, src, srcStride, dst, dstStride, accumulate ? 1 : 0});
    }
}
