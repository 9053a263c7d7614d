package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.Pointwise;
import org.regionwise.autodiff.ops.PointwiseKernel;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.PointwiseKernels;

/**
 * autodiff's pointwise functions on resident storages ({@link PointwiseKernels}, by {@link Pointwise#kind()});
 * a {@link Pointwise.Kind#CUSTOM} function (lambdas only) runs its host body. Registered by {@link GpuKernels},
 * which falls back to the host body through {@link ResidentOrHost} for storages that are not resident.
 */
final class DevicePointwise implements PointwiseKernel {
    private final DeviceHeap heap;

    DevicePointwise(GpuBackend backend) {
        this.heap = backend.heap();
    }

    @Override
    public void forward(Pointwise fn, Storage x, Storage y) {
        if (fn.kind() == Pointwise.Kind.CUSTOM) {
            PointwiseKernel.HOST.forward(fn, x, y);
            return;
        }
        GpuStorage in = GpuStorage.of(x);
        GpuStorage out = GpuStorage.of(y);
        if (in.size() == 0) return;
        heap.launch(PointwiseKernels.forwardLaunch(in.size(), fn.kind().ordinal(), fn.p(), fn.q(), in.deviceOffset(),
                out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    @Override
    public void backward(Pointwise fn, Storage x, Storage y, Storage gy, Storage gx) {
        if (fn.kind() == Pointwise.Kind.CUSTOM) {
            PointwiseKernel.HOST.backward(fn, x, y, gy, gx);
            return;
        }
        GpuStorage d = GpuStorage.of(gx);
        if (d.size() == 0) return;
        heap.launch(PointwiseKernels.backwardLaunch(d.size(), fn.kind().ordinal(), fn.p(), fn.q(), GpuStorage.of(x).deviceOffset(),
                GpuStorage.of(y).deviceOffset(), GpuStorage.of(gy).deviceOffset(), d.deviceOffset()));
        d.deviceWritten();
    }
}
