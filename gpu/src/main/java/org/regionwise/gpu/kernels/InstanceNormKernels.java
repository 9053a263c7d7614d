package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Instance normalisation (PyTorch InstanceNorm2d with affine weights, biased variance): each (image, channel)
 * plane is normalised by its own mean and variance. Forward saves mean and 1/sqrt(var + eps) per plane
 * ("row"); backward needs two per-row sums first (sum dy, sum dy * xhat), then is elementwise:
 * <pre>  dx = gamma * rstd * (dy - sumDy / L - xhat * sumDyXhat / L),  dgamma = sum sumDyXhat,  dbeta = sum sumDy</pre>
 * Statistics use two passes over the row (mean, then squared deviations): no catastrophic cancellation.
 * {@link #stats} and {@link #backwardRows} run one work-item per row, for planes of at most one chunk; larger planes
 * are summed in chunks by {@link ChannelStatsKernels} (a (1, rows, plane) tensor), see the gpu package's
 * {@code InstanceNormOps.chunked}. Reference twin: {@code autodiff.ops.HostInstanceNorm} (in double).
 */
public final class InstanceNormKernels {
    private InstanceNormKernels() {}

    /** mean[row], rstd[row] of each row of length plane. ints: rows, plane, x, mean, rstd. floats: eps. */
    public static void stats(float[] heap, int[] ints, float[] floats) {
        int rows = ints[0];
        int plane = ints[1];
        int x = ints[2];
        int mean = ints[3];
        int rstd = ints[4];
        float eps = floats[0];
        for (@Parallel int row = 0; row < rows; row++) {
            int base = x + row * plane;
            float sum = 0f;
            for (int i = 0; i < plane; i++) {
                sum += heap[base + i];
            }
            float mu = sum / plane;
            float sq = 0f;
            for (int i = 0; i < plane; i++) {
                float d = heap[base + i] - mu;
                sq += d * d;
            }
            heap[mean + row] = mu;
            heap[rstd + row] = 1f / (float) Math.sqrt(sq / plane + eps);
        }
    }

    /** y = (x - mean) * rstd * gamma[c] + beta[c]. ints: n, c, plane, x, mean, rstd, gamma (-1: none), beta, y. */
    public static void forward(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int x = ints[3];
        int mean = ints[4];
        int rstd = ints[5];
        int gamma = ints[6];
        int beta = ints[7];
        int y = ints[8];
        int total = n * c * plane;
        for (@Parallel int i = 0; i < total; i++) {
            int row = i / plane;
            int cc = row % c;
            float xhat = (heap[x + i] - heap[mean + row]) * heap[rstd + row];
            heap[y + i] = gamma >= 0 ? xhat * heap[gamma + cc] + heap[beta + cc] : xhat;
        }
    }

    /** sumDy[row], sumDyXhat[row]. ints: rows, plane, x, dy, mean, rstd, sumDy, sumDyXhat. */
    public static void backwardRows(float[] heap, int[] ints, float[] floats) {
        int rows = ints[0];
        int plane = ints[1];
        int x = ints[2];
        int dy = ints[3];
        int mean = ints[4];
        int rstd = ints[5];
        int sumDy = ints[6];
        int sumDyXhat = ints[7];
        for (@Parallel int row = 0; row < rows; row++) {
            int base = row * plane;
            float mu = heap[mean + row];
            float rs = heap[rstd + row];
            float s1 = 0f;
            float s2 = 0f;
            for (int i = 0; i < plane; i++) {
                float g = heap[dy + base + i];
                s1 += g;
                s2 += g * (heap[x + base + i] - mu) * rs;
            }
            heap[sumDy + row] = s1;
            heap[sumDyXhat + row] = s2;
        }
    }

    /** dx += input gradient. ints: n, c, plane, x, dy, mean, rstd, gamma (-1: none), sumDy, sumDyXhat, dx. */
    public static void backwardInput(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int x = ints[3];
        int dy = ints[4];
        int mean = ints[5];
        int rstd = ints[6];
        int gamma = ints[7];
        int sumDy = ints[8];
        int sumDyXhat = ints[9];
        int dx = ints[10];
        int total = n * c * plane;
        float invPlane = 1f / plane;
        for (@Parallel int i = 0; i < total; i++) {
            int row = i / plane;
            float g = gamma >= 0 ? heap[gamma + row % c] : 1f;
            float rs = heap[rstd + row];
            float xhat = (heap[x + i] - heap[mean + row]) * rs;
            heap[dx + i] += g * rs * (heap[dy + i] - heap[sumDy + row] * invPlane - xhat * heap[sumDyXhat + row] * invPlane);
        }
    }

    /**
     * dgamma[c] += sum_n sumDyXhat[n, c]; dbeta[c] += sum_n sumDy[n, c]. Either output may be -1 (not wanted:
     * autodiff passes no gradient for a frozen weight). ints: n, c, sumDy, sumDyXhat, dgamma, dbeta.
     */
    public static void backwardAffine(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int sumDy = ints[2];
        int sumDyXhat = ints[3];
        int dgamma = ints[4];
        int dbeta = ints[5];
        for (@Parallel int cc = 0; cc < c; cc++) {
            float g = 0f;
            float b = 0f;
            for (int nn = 0; nn < n; nn++) {
                g += heap[sumDyXhat + nn * c + cc];
                b += heap[sumDy + nn * c + cc];
            }
            if (dgamma >= 0) {
                heap[dgamma + cc] += g;
            }
            if (dbeta >= 0) {
                heap[dbeta + cc] += b;
            }
        }
    }

    public static Launch statsLaunch(int rows, int plane, float eps, int x, int mean, int rstd) {
        return Launch.of(Kernel.INSTANCE_NORM_STATS, rows, new int[] {rows, plane, x, mean, rstd}, eps);
    }

    public static Launch forwardLaunch(int n, int c, int plane, int x, int mean, int rstd, int gamma, int beta, int y) {
        return Launch.of(Kernel.INSTANCE_NORM_FORWARD, n * c * plane, new int[] {n, c, plane, x, mean, rstd, gamma, beta, y});
    }

    public static Launch backwardRowsLaunch(int rows, int plane, int x, int dy, int mean, int rstd, int sumDy, int sumDyXhat) {
        return Launch.of(Kernel.INSTANCE_NORM_BACKWARD_ROWS, rows, new int[] {rows, plane, x, dy, mean, rstd, sumDy, sumDyXhat});
    }

    public static Launch backwardInputLaunch(int n, int c, int plane, int x, int dy, int mean, int rstd, int gamma,
                                             int sumDy, int sumDyXhat, int dx) {
        return Launch.of(Kernel.INSTANCE_NORM_BACKWARD_INPUT, n * c * plane,
                new int[] {n, c, plane, x, dy, mean, rstd, gamma, sumDy, sumDyXhat, dx});
    }

    public static Launch backwardAffineLaunch(int n, int c, int sumDy, int sumDyXhat, int dgamma, int dbeta) {
        return Launch.of(Kernel.INSTANCE_NORM_BACKWARD_AFFINE, c, new int[] {n, c, sumDy, sumDyXhat, dgamma, dbeta});
    }
}
