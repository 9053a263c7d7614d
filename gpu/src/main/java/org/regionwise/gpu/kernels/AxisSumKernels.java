package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Sums over any set of axes (autodiff's {@code Reduce} sum and mean) without atomics and in a fixed order, so
 * results are deterministic: each output's {@code spread} inputs (its reduced positions, in input order) are cut
 * into chunks of {@code chunk}; {@link #chunkSums} writes one partial per (output, chunk), {@link #rowSums} adds
 * each output's partials. One launch when an output has a single chunk. Indices are decomposed over the input's
 * dims (at most {@link BroadcastKernels#MAX_RANK}); {@code reducedMask} has bit d set for a summed axis.
 * Reference twin: {@code autodiff.ops.HostReduce} (double accumulation; here float per chunk).
 */
public final class AxisSumKernels {
    /** Inputs per partial sum: enough threads for a GPU, short serial runs. Reusable for any chunked sum. */
    public static final int CHUNK = 256;
    private static final int DIMS = 8;

    private AxisSumKernels() {}

    /**
     * dst[o * chunks + k] = scale * sum of chunk k of output o's inputs. ints: outCount, spread, chunk, chunks, rank,
     * x, dst, reducedMask, dims[rank]. floats: scale.
     */
    public static void chunkSums(float[] heap, int[] ints, float[] floats) {
        int outCount = ints[0];
        int spread = ints[1];
        int chunk = ints[2];
        int chunks = ints[3];
        int rank = ints[4];
        int x = ints[5];
        int dst = ints[6];
        int mask = ints[7];
        float scale = floats[0];
        int total = outCount * chunks;
        for (@Parallel int t = 0; t < total; t++) {
            int o = t / chunks;
            int k = t - o * chunks;
            int start = k * chunk;
            int end = Math.min(start + chunk, spread);
            float acc = 0f;
            for (int r = start; r < end; r++) {
                int remO = o;
                int remR = r;
                int i = 0;
                int si = 1;
                for (int d = rank - 1; d >= 0; d--) {
                    int dim = ints[DIMS + d];
                    int coord;
                    if (((mask >> d) & 1) == 0) {
                        coord = remO % dim;
                        remO = remO / dim;
                    } else {
                        coord = remR % dim;
                        remR = remR / dim;
                    }
                    i += coord * si;
                    si *= dim;
                }
                acc += heap[x + i];
            }
            heap[dst + t] = acc * scale;
        }
    }

    /** dst[row] = scale * sum of src[row * len, +len). ints: rows, len, src, dst. floats: scale. */
    public static void rowSums(float[] heap, int[] ints, float[] floats) {
        int rows = ints[0];
        int len = ints[1];
        int src = ints[2];
        int dst = ints[3];
        float scale = floats[0];
        for (@Parallel int row = 0; row < rows; row++) {
            float acc = 0f;
            for (int i = 0; i < len; i++) {
                acc += heap[src + row * len + i];
            }
            heap[dst + row] = acc * scale;
        }
    }

    /**
     * gx[i] += scale * g[o(i)], o(i) the output that input i was summed into (the sum's backward: a broadcast).
     * ints: count, rank, g, gx, reducedMask, dims[rank]. floats: scale.
     */
    public static void broadcastAccumulate(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int rank = ints[1];
        int g = ints[2];
        int gx = ints[3];
        int mask = ints[4];
        float scale = floats[0];
        for (@Parallel int i = 0; i < count; i++) {
            int rem = i;
            int o = 0;
            int so = 1;
            for (int d = rank - 1; d >= 0; d--) {
                int dim = ints[DIMS + d];
                int coord = rem % dim;
                rem = rem / dim;
                if (((mask >> d) & 1) == 0) {
                    o += coord * so;
                    so *= dim;
                }
            }
            heap[gx + i] += heap[g + o] * scale;
        }
    }

    /** How many chunks each output's {@code spread} inputs take. */
    public static int chunks(int spread) {
        return (spread + CHUNK - 1) / CHUNK;
    }

    public static Launch chunkSumsLaunch(int[] dims, int reducedMask, float scale, int x, int dst) {
        int outCount = 1;
        int spread = 1;
        for (int d = 0; d < dims.length; d++) {
            if (((reducedMask >> d) & 1) == 0) outCount *= dims[d];
            else spread *= dims[d];
        }
        int chunks = chunks(spread);
        int[] ints = new int[DIMS + dims.length];
        int[] head = {outCount, spread, CHUNK, chunks, dims.length, x, dst, reducedMask};
        System.arraycopy(head, 0, ints, 0, head.length);
        System.arraycopy(dims, 0, ints, DIMS, dims.length);
        return Launch.of(Kernel.AXIS_CHUNK_SUMS, outCount * chunks, ints, scale);
    }

    public static Launch rowSumsLaunch(int rows, int len, float scale, int src, int dst) {
        return Launch.of(Kernel.ROW_SUMS, rows, new int[] {rows, len, src, dst}, scale);
    }

    public static Launch broadcastAccumulateLaunch(int[] dims, int reducedMask, float scale, int g, int gx) {
        int count = BroadcastKernels.numel(dims);
        int[] ints = new int[DIMS + dims.length];
        int[] head = {count, dims.length, g, gx, reducedMask};
        System.arraycopy(head, 0, ints, 0, head.length);
        System.arraycopy(dims, 0, ints, DIMS, dims.length);
        return Launch.of(Kernel.BROADCAST_ACCUMULATE, count, ints, scale);
    }
}
