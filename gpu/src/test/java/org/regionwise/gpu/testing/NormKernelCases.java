package org.regionwise.gpu.testing;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.gpu.kernels.BatchNormKernels;
import org.regionwise.gpu.kernels.ChannelStatsKernels;
import org.regionwise.gpu.kernels.InstanceNormKernels;
import org.regionwise.gpu.kernels.Launch;

/**
 * Device parity cases for instance norm (per plane and chunked) and batch norm. Each builds a heap image, its
 * launches and the regions to compare; {@link KernelCases#all} lists every case.
 */
final class NormKernelCases {
    private NormKernelCases() {}

    static KernelCase instanceNorm(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 3, plane = 50, rows = n * c, count = rows * plane;
        int x = h.region(count, -3f, 5f);
        int gamma = h.region(c, 0.5f, 1.5f);
        int beta = h.region(c);
        int mean = h.region(rows);
        int rstd = h.region(rows);
        int y = h.region(count);
        int dy = h.region(count);
        int sumDy = h.region(rows);
        int sumDyXhat = h.region(rows);
        int dx = h.region(count);
        int dgamma = h.region(c);
        int dbeta = h.region(c);
        int dgammaOnly = h.region(c);
        List<Launch> ls = List.of(
                InstanceNormKernels.statsLaunch(rows, plane, 1e-5f, x, mean, rstd),
                InstanceNormKernels.forwardLaunch(n, c, plane, x, mean, rstd, gamma, beta, y),
                InstanceNormKernels.backwardRowsLaunch(rows, plane, x, dy, mean, rstd, sumDy, sumDyXhat),
                InstanceNormKernels.backwardInputLaunch(n, c, plane, x, dy, mean, rstd, gamma, sumDy, sumDyXhat, dx),
                InstanceNormKernels.backwardAffineLaunch(n, c, sumDy, sumDyXhat, dgamma, dbeta),
                InstanceNormKernels.backwardAffineLaunch(n, c, sumDy, sumDyXhat, dgammaOnly, -1));
        return new KernelCase("instance norm", base, h.toArray(), ls,
                new int[] {mean, rows, rstd, rows, y, count, dx, count, dgamma, c, dbeta, c, dgammaOnly, c});
    }

    /** Planes of 300 (two chunks each), whose statistics and backward sums are chunked as a (1, rows, plane) tensor. */
    static KernelCase instanceNormChunked(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 2, plane = 300, rows = n * c, count = rows * plane;
        int x = h.region(count, -3f, 5f);
        int gamma = h.region(c, 0.5f, 1.5f);
        int beta = h.region(c);
        int mean = h.region(rows);
        int rstd = h.region(rows);
        int y = h.region(count);
        int dy = h.region(count);
        int sums = h.region(2 * rows);
        int dx = h.region(count);
        int partials = h.region(Math.max(ChannelStatsKernels.statsPartials(1, rows, plane),
                ChannelStatsKernels.gradientPartials(1, rows, plane)));
        List<Launch> ls = new ArrayList<>(ChannelStatsKernels.statsLaunches(1, rows, plane, 1e-5f, x, mean, -1, rstd, partials));
        ls.add(InstanceNormKernels.forwardLaunch(n, c, plane, x, mean, rstd, gamma, beta, y));
        ls.addAll(ChannelStatsKernels.gradientSumsLaunches(1, rows, plane, x, dy, mean, rstd, sums, partials));
        ls.add(InstanceNormKernels.backwardInputLaunch(n, c, plane, x, dy, mean, rstd, gamma, sums, sums + rows, dx));
        return new KernelCase("instance norm (chunked planes)", base, h.toArray(), ls,
                new int[] {mean, rows, rstd, rows, y, count, sums, 2 * rows, dx, count});
    }

    static KernelCase batchNorm(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 3, c = 4, plane = 129, count = n * c * plane; // 387 values per channel: two chunks
        int x = h.region(count, -3f, 5f);
        int gamma = h.region(c, 0.5f, 1.5f);
        int beta = h.region(c);
        int mean = h.region(c);
        int var = h.region(c);
        int invStd = h.region(c);
        int y = h.region(count);
        int dy = h.region(count);
        int sums = h.region(2 * c);
        int dx = h.region(count);
        int dgamma = h.region(c);
        int dbeta = h.region(c);
        int runningMean = h.region(c);
        int runningVar = h.region(c, 0.5f, 2f);
        int evalInvStd = h.region(c);
        int partials = h.region(Math.max(ChannelStatsKernels.statsPartials(n, c, plane), ChannelStatsKernels.gradientPartials(n, c, plane)));
        List<Launch> ls = new ArrayList<>(ChannelStatsKernels.statsLaunches(n, c, plane, 1e-5f, x, mean, var, invStd, partials));
        ls.add(BatchNormKernels.forwardLaunch(n, c, plane, x, mean, invStd, gamma, beta, y));
        ls.addAll(ChannelStatsKernels.gradientSumsLaunches(n, c, plane, x, dy, mean, invStd, sums, partials));
        ls.addAll(List.of(
                BatchNormKernels.backwardInputLaunch(n, c, plane, true, x, dy, mean, invStd, gamma, sums, dx),
                BatchNormKernels.backwardAffineLaunch(c, sums, dgamma, dbeta),
                BatchNormKernels.updateRunningLaunch(c, 0.1f, 1.01f, mean, var, runningMean, runningVar),
                BatchNormKernels.invStdLaunch(c, 1e-5f, runningVar, evalInvStd)));
        return new KernelCase("batch norm", base, h.toArray(), ls,
                new int[] {mean, c, var, c, invStd, c, y, count, sums, 2 * c, dx, count, dgamma, c, dbeta, c, runningMean, c,
                        runningVar, c, evalInvStd, c});
    }
}
