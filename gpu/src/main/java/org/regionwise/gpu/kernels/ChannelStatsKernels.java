package org.regionwise.gpu.kernels;

import java.util.List;
import org.regionwise.gpu.Parallel;

/**
 * Per-channel statistics of an NCHW tensor as chunked sums, for batch norm (a channel is n runs of {@code plane}
 * values, {@code c * plane} apart) and for instance norm on large planes (the same layout with n = 1 and one
 * "channel" per (image, channel) plane). A GPU gets one work-item per (channel, chunk of {@link AxisSumKernels#CHUNK}
 * inputs), not one per channel: with 32 channels of 8 x 128 x 128 values that is 8,192 work-items instead of 32.
 * Stage 1 writes one partial per (channel, chunk); stage 2 adds each channel's partials in chunk order, so the
 * results are deterministic. Two passes for the variance (mean first, then squared deviations): no catastrophic
 * cancellation. Stage 1 of the mean and stage 2 of the backward sums are {@link AxisSumKernels}' own kernels.
 * Reference twins: {@code layers.functional.HostBatchNorm} and {@code autodiff.ops.HostInstanceNorm} (in double).
 */
public final class ChannelStatsKernels {
    /** Axes 0 and 2 of (n, c, plane). */
    private static final int CHANNEL_MASK = 0b101;

    private ChannelStatsKernels() {}

    /**
     * partials[ch * chunks + k] = sum over chunk k of channel ch of (x - mean[ch])^2. ints: n, c, plane, chunk, chunks,
     * x, mean, partials.
     */
    public static void squaredDeviations(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int chunk = ints[3];
        int chunks = ints[4];
        int x = ints[5];
        int mean = ints[6];
        int partials = ints[7];
        int spread = n * plane;
        int total = c * chunks;
        for (@Parallel int t = 0; t < total; t++) {
            int ch = t / chunks;
            int start = (t - ch * chunks) * chunk;
            int end = Math.min(start + chunk, spread);
            float mu = heap[mean + ch];
            float acc = 0f;
            int r = start;
            while (r < end) {
                int b = r / plane;
                int i = r - b * plane;
                int run = Math.min(end - r, plane - i);
                int base = x + (b * c + ch) * plane + i;
                for (int j = 0; j < run; j++) {
                    float d = heap[base + j] - mu;
                    acc += d * d;
                }
                r += run;
            }
            heap[partials + t] = acc;
        }
    }

    /**
     * partials[ch * chunks + k] = sum of dy, partials[(c + ch) * chunks + k] = sum of dy * xhat over chunk k of channel
     * ch, xhat = (x - mean[ch]) * invStd[ch]. ints: n, c, plane, chunk, chunks, x, dy, mean, invStd, partials.
     */
    public static void gradientSums(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int chunk = ints[3];
        int chunks = ints[4];
        int x = ints[5];
        int dy = ints[6];
        int mean = ints[7];
        int invStd = ints[8];
        int partials = ints[9];
        int spread = n * plane;
        int total = c * chunks;
        for (@Parallel int t = 0; t < total; t++) {
            int ch = t / chunks;
            int start = (t - ch * chunks) * chunk;
            int end = Math.min(start + chunk, spread);
            float mu = heap[mean + ch];
            float rs = heap[invStd + ch];
            float sg = 0f;
            float sgx = 0f;
            int r = start;
            while (r < end) {
                int b = r / plane;
                int i = r - b * plane;
                int run = Math.min(end - r, plane - i);
                int base = (b * c + ch) * plane + i;
                for (int j = 0; j < run; j++) {
                    float g = heap[dy + base + j];
                    sg += g;
                    sgx += g * ((heap[x + base + j] - mu) * rs);
                }
                r += run;
            }
            heap[partials + t] = sg;
            heap[partials + total + t] = sgx;
        }
    }

    /**
     * var[ch] = (sum of partials[ch * chunks, +chunks), in order) / count, invStd[ch] = 1 / sqrt(var + eps). ints: c,
     * chunks, partials, var (-1: not stored), invStd. floats: eps, count.
     */
    public static void invStdFromPartials(float[] heap, int[] ints, float[] floats) {
        int c = ints[0];
        int chunks = ints[1];
        int partials = ints[2];
        int var = ints[3];
        int invStd = ints[4];
        float eps = floats[0];
        float count = floats[1];
        for (@Parallel int ch = 0; ch < c; ch++) {
            float sq = 0f;
            for (int k = 0; k < chunks; k++) {
                sq += heap[partials + ch * chunks + k];
            }
            float v = sq / count;
            if (var >= 0) {
                heap[var + ch] = v;
            }
            heap[invStd + ch] = 1f / (float) Math.sqrt(v + eps);
        }
    }

    /**
     * mean[ch], var[ch] (biased; {@code var} -1: not stored) and invStd[ch] = 1 / sqrt(var + eps) of each channel's
     * n * plane values: the channel sums ({@link AxisSumKernels}) scaled to the mean, then the squared deviations
     * from it, each chunked. {@code partials}: a scratch block of {@link #statsPartials} floats.
     */
    public static List<Launch> statsLaunches(int n, int c, int plane, float eps, int x, int mean, int var, int invStd,
                                             int partials) {
        int chunks = AxisSumKernels.chunks(n * plane);
        float count = (float) n * plane;
        return List.of(
                AxisSumKernels.chunkSumsLaunch(new int[] {n, c, plane}, CHANNEL_MASK, 1f, x, partials),
                AxisSumKernels.rowSumsLaunch(c, chunks, 1f / count, partials, mean),
                Launch.of(Kernel.CHANNEL_SQUARED_DEVIATIONS, c * chunks,
                        new int[] {n, c, plane, AxisSumKernels.CHUNK, chunks, x, mean, partials}),
                Launch.of(Kernel.CHANNEL_INV_STD, c, new int[] {c, chunks, partials, var, invStd}, eps, count));
    }

    /** The scratch floats {@link #statsLaunches} needs: one per (channel, chunk). */
    public static int statsPartials(int n, int c, int plane) {
        return Math.max(1, c * AxisSumKernels.chunks(n * plane));
    }

    /**
     * sums[ch] = sum of dy, sums[c + ch] = sum of dy * xhat over channel ch (overwritten): the two sums every
     * normalisation's backward needs, chunked, then each channel's partials in order. {@code partials}: a scratch
     * block of {@link #gradientPartials} floats.
     */
    public static List<Launch> gradientSumsLaunches(int n, int c, int plane, int x, int dy, int mean, int invStd, int sums,
                                                    int partials) {
        int chunks = AxisSumKernels.chunks(n * plane);
        return List.of(
                Launch.of(Kernel.CHANNEL_GRADIENT_SUMS, c * chunks,
                        new int[] {n, c, plane, AxisSumKernels.CHUNK, chunks, x, dy, mean, invStd, partials}),
                AxisSumKernels.rowSumsLaunch(2 * c, chunks, 1f, partials, sums));
    }

    /** The scratch floats {@link #gradientSumsLaunches} needs: two per (channel, chunk). */
    public static int gradientPartials(int n, int c, int plane) {
        return Math.max(1, 2 * c * AxisSumKernels.chunks(n * plane));
    }
}
