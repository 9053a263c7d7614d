package org.regionwise.gpu;

import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AxisSumKernels;
import org.regionwise.gpu.kernels.ChannelStatsKernels;
import org.regionwise.gpu.kernels.InstanceNormKernels;

/**
 * Instance normalisation forward and backward on resident storages ({@link InstanceNormKernels}; per-plane sums of
 * large planes chunked, {@link ChannelStatsKernels}).
 */
public final class InstanceNormOps {
    private final GpuBackend backend;
    private final DeviceHeap heap;

    InstanceNormOps(GpuBackend backend) {
        this.backend = backend;
        this.heap = backend.heap();
    }

    /**
     * Whether a plane's sums are chunked ({@link ChannelStatsKernels}: one work-item per plane and chunk of
     * {@link AxisSumKernels#CHUNK}) rather than one work-item per plane ({@link InstanceNormKernels#stats}): when a
     * plane holds more than one chunk. Small planes (the U-Net's deep levels) are many, so one work-item each is
     * parallel enough and one launch instead of four; large planes (its top levels: 8 x 32 planes of 128 x 128)
     * would leave a GPU with a few hundred long serial loops.
     */
    static boolean chunked(int plane) {
        return plane > AxisSumKernels.CHUNK;
    }

    /** What instance-norm backward needs from forward: per-(image, channel) mean and 1/std. */
    public record NormStats(GpuStorage mean, GpuStorage rstd) {}

    /** y = instance-normalised x, times gamma[c] plus beta[c] (both null: no affine). */
    public NormStats instanceNorm(GpuStorage x, GpuStorage gamma, GpuStorage beta, GpuStorage y, int n, int c, int plane, float eps) {
        NormStats stats = new NormStats(backend.allocateUninitialised(n * c), backend.allocateUninitialised(n * c));
        instanceNorm(x, gamma, beta, y, stats, n, c, plane, eps);
        return stats;
    }

    /** As above, writing the statistics into {@code stats} (autodiff allocates them with the op's output). */
    public void instanceNorm(GpuStorage x, GpuStorage gamma, GpuStorage beta, GpuStorage y, NormStats stats, int n, int c,
                             int plane, float eps) {
        if ((gamma == null) != (beta == null)) {
            throw new IllegalArgumentException("instanceNorm: gamma and beta must both be given or both be null");
        }
        int rows = n * c;
        GpuStorage mean = stats.mean();
        GpuStorage rstd = stats.rstd();
        DeviceChecks.requireSize("instanceNorm: mean", mean, rows);
        DeviceChecks.requireSize("instanceNorm: invStd", rstd, rows);
        int xOff = x.deviceOffset();
        int mOff = mean.deviceOffsetForOverwrite();
        int rOff = rstd.deviceOffsetForOverwrite();
        if (chunked(plane)) {
            // A plane is one "channel" of a (1, rows, plane) tensor: batch norm's chunked statistics.
            heap.launchWithScratch(ChannelStatsKernels.statsPartials(1, rows, plane),
                    partials -> ChannelStatsKernels.statsLaunches(1, rows, plane, eps, xOff, mOff, -1, rOff, partials));
        } else {
            heap.launch(InstanceNormKernels.statsLaunch(rows, plane, eps, xOff, mOff, rOff));
        }
        mean.deviceWritten();
        rstd.deviceWritten();
        int gOff = gamma == null ? -1 : gamma.deviceOffset();
        int bOff = beta == null ? -1 : beta.deviceOffset();
        heap.launch(InstanceNormKernels.forwardLaunch(n, c, plane, xOff, mean.deviceOffset(), rstd.deviceOffset(), gOff, bOff,
                y.deviceOffsetForOverwrite()));
        y.deviceWritten();
    }

    /**
     * dx += input gradient; dgamma, dbeta += affine gradients. Any of the three may be null (not wanted: a
     * frozen input or weight); gamma is null when there are no affine weights.
     */
    public void instanceNormBackward(GpuStorage x, GpuStorage dy, NormStats stats, GpuStorage gamma, GpuStorage dx,
                                     GpuStorage dgamma, GpuStorage dbeta, int n, int c, int plane) {
        if (dx == null && dgamma == null && dbeta == null) return;
        int rows = n * c;
        // Per-plane sums (sumDy, then sumDyXhat), freed as soon as the launches that read them are done.
        int sums = heap.allocate(2 * rows);
        int sumDy = sums;
        int sumDyXhat = sums + rows;
        try {
            int xOff = x.deviceOffset();
            int dyOff = dy.deviceOffset();
            int mOff = stats.mean().deviceOffset();
            int rOff = stats.rstd().deviceOffset();
            if (chunked(plane)) {
                heap.launchWithScratch(ChannelStatsKernels.gradientPartials(1, rows, plane),
                        partials -> ChannelStatsKernels.gradientSumsLaunches(1, rows, plane, xOff, dyOff, mOff, rOff, sums, partials));
            } else {
                heap.launch(InstanceNormKernels.backwardRowsLaunch(rows, plane, xOff, dyOff, mOff, rOff, sumDy, sumDyXhat));
            }
            if (dx != null) {
                int gOff = gamma == null ? -1 : gamma.deviceOffset();
                heap.launch(InstanceNormKernels.backwardInputLaunch(n, c, plane, xOff, dyOff, mOff, rOff, gOff,
                        sumDy, sumDyXhat, dx.deviceOffset()));
                dx.deviceWritten();
            }
            if (dgamma != null || dbeta != null) {
                heap.launch(InstanceNormKernels.backwardAffineLaunch(n, c, sumDy, sumDyXhat,
                        dgamma == null ? -1 : dgamma.deviceOffset(), dbeta == null ? -1 : dbeta.deviceOffset()));
                if (dgamma != null) dgamma.deviceWritten();
                if (dbeta != null) dbeta.deviceWritten();
            }
        } finally {
            heap.free(sums);
        }
    }
}
