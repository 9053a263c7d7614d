package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.losses.RegionWiseKernel;

/**
 * The Region-wise loss on resident storages ({@link RegionWiseOps#regionWise} and its backward); registered by
 * {@link GpuKernels}, which falls back to the host body through {@link ResidentOrHost}.
 */
final class DeviceRegionWise implements RegionWiseKernel {
    private final RegionWiseOps ops;

    DeviceRegionWise(RegionWiseOps ops) {
        this.ops = ops;
    }

    @Override
    public void forward(int n, int c, int plane, boolean squared, Storage logits, Storage map, Storage loss, Storage probs) {
        ops.regionWise(GpuStorage.of(logits), GpuStorage.of(map), n, c, plane, squared, GpuStorage.of(loss),
                GpuStorage.of(probs));
    }

    @Override
    public void backward(int n, int c, int plane, boolean squared, Storage probs, Storage map, Storage gradOut,
                         Storage dlogits) {
        ops.regionWiseBackward(GpuStorage.of(probs), GpuStorage.of(map), GpuStorage.of(gradOut), n, c, plane, squared,
                GpuStorage.of(dlogits));
    }
}
