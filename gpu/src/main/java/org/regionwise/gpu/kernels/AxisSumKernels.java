package org.regionwise.gpu.kernels;

import java.util.List;
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
    /** Where the dims start in a launch's ints (after the scalar arguments). */
    private static final int DIMS = 11;

    /** Axes 0 and 2 of (n, c, plane): per-channel sums of an NCHW tensor. */
    private static final int CHANNEL_MASK = 0b101;

    private AxisSumKernels() {}

    /**
     * dst[o * chunks + k] = scale * sum of chunk k of output o's inputs (or {@code +=} when accumulating). Inputs
     * are read in runs along the innermost summed axis (length innerLen, heap stride innerStride): the index is
     * decomposed once per run, not per input, and the order of the additions is the inputs' order either way.
     * ints: outCount, spread, chunk, chunks, rank, x, dst, reducedMask, innerLen, innerStride, accumulate,
     * dims[rank] (from ints[11]). floats: scale.
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
        int innerLen = ints[8];
        int innerStride = ints[9];
        int accumulate = ints[10];
        float scale = floats[0];
        int total = outCount * chunks;
        for (@Parallel int t = 0; t < total; t++) {
            int o = t / chunks;
            int k = t - o * chunks;
            int start = k * chunk;
            int end = Math.min(start + chunk, spread);
            float acc = 0f;
            int r = start;
            while (r < end) {
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
                int run = Math.min(end - r, innerLen - r % innerLen);
                for (int j = 0; j < run; j++) {
                    acc += heap[x + i + j * innerStride];
                }
                r += run;
            }
            if (accumulate != 0) {
                heap[dst + t] += acc * scale;
            } else {
                heap[dst + t] = acc * scale;
            }
        }
    }

    /**
     * dst[row] = scale * sum of src[row * len, +len), or {@code +=} when accumulating. ints: rows, len, src, dst,
     * accumulate. floats: scale.
     */
    public static void rowSums(float[] heap, int[] ints, float[] floats) {
        int rows = ints[0];
        int len = ints[1];
        int src = ints[2];
        int dst = ints[3];
        int accumulate = ints[4];
        float scale = floats[0];
        for (@Parallel int row = 0; row < rows; row++) {
            float acc = 0f;
            for (int i = 0; i < len; i++) {
                acc += heap[src + row * len + i];
            }
            if (accumulate != 0) {
                heap[dst + row] += acc * scale;
            } else {
                heap[dst + row] = acc * scale;
            }
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

    /** One launch of {@link #chunkSums} that overwrites {@code dst} (one partial per output and chunk). */
    public static Launch chunkSumsLaunch(int[] dims, int reducedMask, float scale, int x, int dst) {
        return chunkSumsLaunch(dims, reducedMask, scale, false, x, dst);
    }

    static Launch chunkSumsLaunch(int[] dims, int reducedMask, float scale, boolean accumulate, int x, int dst) {
        int outCount = outputs(dims, reducedMask);
        int spread = BroadcastKernels.numel(dims) / Math.max(outCount, 1);
        if (outCount == 0) spread = 0;
        int chunks = chunks(spread);
        // The innermost summed axis and its stride: the inputs of a run are contiguous along it.
        int innerLen = 1;
        int innerStride = 1;
        for (int d = dims.length - 1, stride = 1; d >= 0; stride *= dims[d], d--) {
            if (((reducedMask >> d) & 1) != 0) {
                innerLen = dims[d];
                innerStride = stride;
                break;
            }
        }
        int[] ints = new int[DIMS + dims.length];
        int[] head = {outCount, spread, CHUNK, chunks, dims.length, x, dst, reducedMask, Math.max(innerLen, 1), innerStride,
                accumulate ? 1 : 0};
        System.arraycopy(head, 0, ints, 0, head.length);
        System.arraycopy(dims, 0, ints, DIMS, dims.length);
        return Launch.of(Kernel.AXIS_CHUNK_SUMS, outCount * chunks, ints, scale);
    }

    public static Launch rowSumsLaunch(int rows, int len, float scale, int src, int dst) {
        return rowSumsLaunch(rows, len, scale, false, src, dst);
    }

    static Launch rowSumsLaunch(int rows, int len, float scale, boolean accumulate, int src, int dst) {
        return Launch.of(Kernel.ROW_SUMS, rows, new int[] {rows, len, src, dst, accumulate ? 1 : 0}, scale);
    }

    /**
     * dst[o] = scale * (sum over the reduced axes of x), or {@code +=} when accumulating, as one launch when each
     * output has a single chunk and otherwise two: {@link #chunkSums} into {@code partials} (a scratch block of
     * {@link #partials} floats; ignored when that is 0), then {@link #rowSums} of each output's partials in chunk
     * order. Deterministic: the same bits on every run.
     */
    public static List<Launch> sumLaunches(int[] dims, int reducedMask, float scale, boolean accumulate, int x, int dst,
                                           int partials) {
        int outCount = outputs(dims, reducedMask);
        int chunks = chunks(outCount == 0 ? 0 : BroadcastKernels.numel(dims) / outCount);
        if (chunks <= 1) return List.of(chunkSumsLaunch(dims, reducedMask, scale, accumulate, x, dst));
        return List.of(chunkSumsLaunch(dims, reducedMask, 1f, false, x, partials),
                rowSumsLaunch(outCount, chunks, scale, accumulate, partials, dst));
    }

    /** The scratch floats {@link #sumLaunches} needs: one per output and chunk, or 0 when it is one launch. */
    public static int partials(int[] dims, int reducedMask) {
        int outCount = outputs(dims, reducedMask);
        int chunks = chunks(outCount == 0 ? 0 : BroadcastKernels.numel(dims) / outCount);
        return chunks <= 1 ? 0 : outCount * chunks;
    }

    /**
     * NCHW sums[ch] += sum over images and the plane of x[:, ch, :] (a bias gradient; {@code HostOps.channelSums}
     * is the reference twin, in double): {@link #sumLaunches} over axes 0 and 2 of (n, c, plane), one work-item per
     * (channel, chunk) of 256 inputs, then each channel's partials.
     */
    public static List<Launch> channelSumsLaunches(int n, int c, int plane, int x, int sums, int partials) {
        return sumLaunches(new int[] {n, c, plane}, CHANNEL_MASK, 1f, true, x, sums, partials);
    }

    /** The scratch floats {@link #channelSumsLaunches} needs. */
    public static int channelPartials(int n, int c, int plane) {
        return partials(new int[] {n, c, plane}, CHANNEL_MASK);
    }

    private static int outputs(int[] dims, int reducedMask) {
        int outCount = 1;
        for (int d = 0; d < dims.length; d++) {
            if (((reducedMask >> d) & 1) == 0) outCount *= dims[d];
        }
        return outCount;
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
