package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Reductions without atomics: each parallel iteration owns one output and sums a contiguous run. A full sum
 * is two launches of {@link #chunkSum} (many chunks, then one); per-row sums and dot products (per class
 * plane: Dice intersections, region-wise map products) are one launch. Per-channel sums of NCHW tensors (bias
 * gradients) are {@link AxisSumKernels#channelSumsLaunches}: chunked, one work-item per (channel, chunk).
 */
public final class ReductionKernels {
    private ReductionKernels() {}

    /** dst[t] = sum of src[t*chunk, min((t+1)*chunk, count)). ints: count, chunk, chunks, src, dst. */
    public static void chunkSum(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int chunk = ints[1];
        int chunks = ints[2];
        int src = ints[3];
        int dst = ints[4];
        for (@Parallel int t = 0; t < chunks; t++) {
            int start = t * chunk;
            int end = Math.min(start + chunk, count);
            float acc = 0f;
            for (int i = start; i < end; i++) {
                acc += heap[src + i];
            }
            heap[dst + t] = acc;
        }
    }

    /** dst[row] = sum over i < len of a[row*len + i] * b[row*len + i]. ints: rows, len, a, b, dst. */
    public static void rowDot(float[] heap, int[] ints, float[] floats) {
        int rows = ints[0];
        int len = ints[1];
        int a = ints[2];
        int b = ints[3];
        int dst = ints[4];
        for (@Parallel int row = 0; row < rows; row++) {
            int base = row * len;
            float acc = 0f;
            for (int i = 0; i < len; i++) {
                acc += heap[a + base + i] * heap[b + base + i];
            }
            heap[dst + row] = acc;
        }
    }

    public static Launch chunkSumLaunch(int count, int chunk, int src, int dst) {
        int chunks = chunkCount(count, chunk);
        return Launch.of(Kernel.CHUNK_SUM, chunks, new int[] {count, chunk, chunks, src, dst});
    }

    public static Launch rowDotLaunch(int rows, int len, int a, int b, int dst) {
        return Launch.of(Kernel.ROW_DOT, rows, new int[] {rows, len, a, b, dst});
    }

    public static int chunkCount(int count, int chunk) {
        return (count + chunk - 1) / chunk;
    }
}
