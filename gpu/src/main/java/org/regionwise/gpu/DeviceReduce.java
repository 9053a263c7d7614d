package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.ReduceKernel;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AxisSumKernels;
import org.regionwise.gpu.kernels.BroadcastKernels;

/**
 * autodiff's sum and mean over axes on resident storages ({@link AxisSumKernels}: chunked partial sums, then
 * each output's partials, deterministic); inputs of rank above {@link BroadcastKernels#MAX_RANK} run the host
 * body. Registered by {@link GpuKernels}.
 */
final class DeviceReduce implements ReduceKernel {
    private final DeviceHeap heap;

    DeviceReduce(GpuBackend backend) {
        this.heap = backend.heap();
    }

    @Override
    public void forward(int[] shape, boolean[] reduced, boolean mean, Storage x, Storage out) {
        if (shape.length > BroadcastKernels.MAX_RANK) {
            ReduceKernel.HOST.forward(shape, reduced, mean, x, out);
            return;
        }
        GpuStorage in = GpuStorage.of(x);
        GpuStorage o = GpuStorage.of(out);
        float scale = mean ? (float) (1.0 / ReduceKernel.count(shape, reduced)) : 1f;
        int mask = mask(reduced);
        int xOff = in.deviceOffset();
        int oOff = o.deviceOffsetForOverwrite();
        heap.launchWithScratch(AxisSumKernels.partials(shape, mask),
                partials -> AxisSumKernels.sumLaunches(shape, mask, scale, false, xOff, oOff, partials));
        o.deviceWritten();
    }

    @Override
    public void backward(int[] shape, boolean[] reduced, boolean mean, Storage g, Storage gx) {
        if (shape.length > BroadcastKernels.MAX_RANK) {
            ReduceKernel.HOST.backward(shape, reduced, mean, g, gx);
            return;
        }
        GpuStorage d = GpuStorage.of(gx);
        if (d.size() == 0) return;
        float scale = mean ? 1f / ReduceKernel.count(shape, reduced) : 1f;
        heap.launch(AxisSumKernels.broadcastAccumulateLaunch(shape, mask(reduced), scale, GpuStorage.of(g).deviceOffset(),
                d.deviceOffset()));
        d.deviceWritten();
    }

    private static int mask(boolean[] reduced) {
        int mask = 0;
        for (int d = 0; d < reduced.length; d++) if (reduced[d]) mask |= 1 << d;
        return mask;
    }
}
