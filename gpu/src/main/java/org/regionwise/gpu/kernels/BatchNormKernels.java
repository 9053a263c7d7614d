package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Batch normalisation (PyTorch BatchNorm2d: per channel over the batch and the plane, biased variance) and its
 * running statistics. A channel's group is n runs of {@code plane} values, {@code c * plane} apart. Statistics
 * and backward sums are chunked sums ({@link ChannelStatsKernels}: one work-item per channel and chunk, two
 * passes for the variance); the rest is elementwise. Reference twin: {@code layers.functional.HostBatchNorm} (autodiff's NormKernels, in double).
 * <pre>  dx += gamma * invStd * (dy - sumDy / M - xhat * sumDyXhat / M)   (statistics from x; else gamma * invStd * dy)</pre>
 */
public final class BatchNormKernels {
    private BatchNormKernels() {}

    /** invStd[ch] = 1 / sqrt(runningVar[ch] + eps) (evaluation). ints: c, runningVar, invStd. floats: eps. */
    public static void invStd(float[] heap, int[] ints, float[] floats) {
        int c = ints[0];
        int runningVar = ints[1];
        int invStd = ints[2];
        float eps = floats[0];
        for (@Parallel int ch = 0; ch < c; ch++) {
            heap[invStd + ch] = 1f / (float) Math.sqrt(heap[runningVar + ch] + eps);
        }
    }

    /** y = (x - mean[ch]) * invStd[ch] * gamma[ch] + beta[ch]. ints: n, c, plane, x, mean, invStd, gamma (-1: none), beta, y. */
    public static void forward(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int x = ints[3];
        int mean = ints[4];
        int invStd = ints[5];
        int gamma = ints[6];
        int beta = ints[7];
        int y = ints[8];
        int total = n * c * plane;
        for (@Parallel int i = 0; i < total; i++) {
            int ch = (i / plane) % c;
            float scale = gamma >= 0 ? heap[invStd + ch] * heap[gamma + ch] : heap[invStd + ch];
            float shift = beta >= 0 ? heap[beta + ch] : 0f;
            heap[y + i] = (heap[x + i] - heap[mean + ch]) * scale + shift;
        }
    }

    /**
     * dx += gamma * invStd * (dy - fromInput * (sumDy + xhat * sumDyXhat) / M). ints: n, c, plane, fromInput, x, dy,
     * mean, invStd, gamma (-1: none), sums, dx.
     */
    public static void backwardInput(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int fromInput = ints[3];
        int x = ints[4];
        int dy = ints[5];
        int mean = ints[6];
        int invStd = ints[7];
        int gamma = ints[8];
        int sums = ints[9];
        int dx = ints[10];
        int total = n * c * plane;
        float count = (float) n * plane;
        for (@Parallel int i = 0; i < total; i++) {
            int ch = (i / plane) % c;
            float rs = heap[invStd + ch];
            float scale = gamma >= 0 ? heap[gamma + ch] * rs : rs;
            float meanG = fromInput != 0 ? heap[sums + ch] / count : 0f;
            float meanGx = fromInput != 0 ? heap[sums + c + ch] / count : 0f;
            float xhat = (heap[x + i] - heap[mean + ch]) * rs;
            heap[dx + i] += scale * (heap[dy + i] - meanG - xhat * meanGx);
        }
    }

    /** dgamma[ch] += sumDyXhat, dbeta[ch] += sumDy (either offset -1: not wanted). ints: c, sums, dgamma, dbeta. */
    public static void backwardAffine(float[] heap, int[] ints, float[] floats) {
        int c = ints[0];
        int sums = ints[1];
        int dgamma = ints[2];
        int dbeta = ints[3];
        for (@Parallel int ch = 0; ch < c; ch++) {
            if (dgamma >= 0) {
                heap[dgamma + ch] += heap[sums + c + ch];
            }
            if (dbeta >= 0) {
                heap[dbeta + ch] += heap[sums + ch];
            }
        }
    }

    /**
     * running = (1 - momentum) running + momentum * batch, the variance's times unbias. ints: c, mean, var,
     * runningMean, runningVar. floats: momentum, unbias.
     */
    public static void updateRunning(float[] heap, int[] ints, float[] floats) {
        int c = ints[0];
        int mean = ints[1];
        int var = ints[2];
        int runningMean = ints[3];
        int runningVar = ints[4];
        float momentum = floats[0];
        float unbias = floats[1];
        for (@Parallel int ch = 0; ch < c; ch++) {
            heap[runningMean + ch] = (1f - momentum) * heap[runningMean + ch] + momentum * heap[mean + ch];
            heap[runningVar + ch] = (1f - momentum) * heap[runningVar + ch] + momentum * heap[var + ch] * unbias;
        }
    }

    public static Launch invStdLaunch(int c, float eps, int runningVar, int invStd) {
        return Launch.of(Kernel.BATCH_NORM_INV_STD, c, new int[] {c, runningVar, invStd}, eps);
    }

    public static Launch forwardLaunch(int n, int c, int plane, int x, int mean, int invStd, int gamma, int beta, int y) {
        return Launch.of(Kernel.BATCH_NORM_FORWARD, n * c * plane, new int[] {n, c, plane, x, mean, invStd, gamma, beta, y});
    }

    public static Launch backwardInputLaunch(int n, int c, int plane, boolean fromInput, int x, int dy, int mean, int invStd,
                                             int gamma, int sums, int dx) {
        return Launch.of(Kernel.BATCH_NORM_BACKWARD_INPUT, n * c * plane,
                new int[] {n, c, plane, fromInput ? 1 : 0, x, dy, mean, invStd, gamma, sums, dx});
    }

    public static Launch backwardAffineLaunch(int c, int sums, int dgamma, int dbeta) {
        return Launch.of(Kernel.BATCH_NORM_BACKWARD_AFFINE, c, new int[] {c, sums, dgamma, dbeta});
    }

    public static Launch updateRunningLaunch(int c, float momentum, float unbias, int mean, int var, int runningMean, int runningVar) {
        return Launch.of(Kernel.BATCH_NORM_UPDATE_RUNNING, c, new int[] {c, mean, var, runningMean, runningVar}, momentum, unbias);
    }
}
