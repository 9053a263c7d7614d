package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.BatchNormKernels;
import org.regionwise.gpu.kernels.ChannelStatsKernels;
import org.regionwise.layers.functional.BatchNormKernel;

/**
 * Batch norm and its running statistics on resident storages ({@link BatchNormKernels}; the per-channel statistics
 * and backward sums chunked, {@link ChannelStatsKernels}); registered by
 * {@link GpuKernels}, which falls back to the host body through {@link ResidentOrHost}.
 */
final class DeviceBatchNorm implements BatchNormKernel {
    private final DeviceHeap heap;

    DeviceBatchNorm(GpuBackend backend) {
        this.heap = backend.heap();
    }

    @Override
    public void statistics(int n, int c, int plane, double eps, Storage x, Storage mean, Storage var, Storage invStd) {
        GpuStorage m = GpuStorage.of(mean);
        GpuStorage v = GpuStorage.of(var);
        GpuStorage s = GpuStorage.of(invStd);
        int xOff = GpuStorage.of(x).deviceOffset();
        int mOff = m.deviceOffsetForOverwrite();
        int vOff = v.deviceOffsetForOverwrite();
        int sOff = s.deviceOffsetForOverwrite();
        heap.launchWithScratch(ChannelStatsKernels.statsPartials(n, c, plane),
                partials -> ChannelStatsKernels.statsLaunches(n, c, plane, (float) eps, xOff, mOff, vOff, sOff, partials));
        m.deviceWritten();
        v.deviceWritten();
        s.deviceWritten();
    }

    @Override
    public void invStd(int c, double eps, Storage runningVar, Storage invStd) {
        GpuStorage s = GpuStorage.of(invStd);
        heap.launch(BatchNormKernels.invStdLaunch(c, (float) eps, GpuStorage.of(runningVar).deviceOffset(), s.deviceOffsetForOverwrite()));
        s.deviceWritten();
    }

    @Override
    public void forward(int n, int c, int plane, Storage x, Storage mean, Storage invStd, Storage gamma, Storage beta,
                        Storage y) {
        GpuStorage out = GpuStorage.of(y);
        heap.launch(BatchNormKernels.forwardLaunch(n, c, plane, GpuStorage.of(x).deviceOffset(), GpuStorage.of(mean).deviceOffset(),
                GpuStorage.of(invStd).deviceOffset(), offsetOrNone(gamma), offsetOrNone(beta), out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    @Override
    public void backward(int n, int c, int plane, boolean fromInput, Storage x, Storage dy, Storage mean, Storage invStd,
                         Storage gamma, Storage dx, Storage dgamma, Storage dbeta) {
        int sums = heap.allocate(2 * c);
        try {
            int xOff = GpuStorage.of(x).deviceOffset();
            int dyOff = GpuStorage.of(dy).deviceOffset();
            int mOff = GpuStorage.of(mean).deviceOffset();
            int sOff = GpuStorage.of(invStd).deviceOffset();
            heap.launchWithScratch(ChannelStatsKernels.gradientPartials(n, c, plane),
                    partials -> ChannelStatsKernels.gradientSumsLaunches(n, c, plane, xOff, dyOff, mOff, sOff, sums, partials));
            if (dx != null) {
                heap.launch(BatchNormKernels.backwardInputLaunch(n, c, plane, fromInput, xOff, dyOff, mOff, sOff,
                        offsetOrNone(gamma), sums, GpuStorage.of(dx).deviceOffset()));
                GpuStorage.of(dx).deviceWritten();
            }
            if (dgamma != null || dbeta != null) {
                heap.launch(BatchNormKernels.backwardAffineLaunch(c, sums, offsetOrNone(dgamma), offsetOrNone(dbeta)));
                if (dgamma != null) GpuStorage.of(dgamma).deviceWritten();
                if (dbeta != null) GpuStorage.of(dbeta).deviceWritten();
            }
        } finally {
            heap.free(sums);
        }
    }

    @Override
    public void updateRunning(int c, double momentum, double unbias, Storage mean, Storage var, Storage runningMean,
                              Storage runningVar) {
        GpuStorage rm = GpuStorage.of(runningMean);
        GpuStorage rv = GpuStorage.of(runningVar);
        heap.launch(BatchNormKernels.updateRunningLaunch(c, (float) momentum, (float) unbias, GpuStorage.of(mean).deviceOffset(),
                GpuStorage.of(var).deviceOffset(), rm.deviceOffset(), rv.deviceOffset()));
        rm.deviceWritten();
        rv.deviceWritten();
    }

    /** A storage's heap offset, or -1 for an absent one (the kernels' "none"). */
    private static int offsetOrNone(Storage s) {
        return s == null ? -1 : GpuStorage.of(s).deviceOffset();
    }
}
