package org.regionwise.gpu;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.optim.AdamKernel;

/**
 * autodiff's Adam step on resident storages: every parameter in one launch over a segment table
 * ({@link AdamOps#adam(GpuStorage[], GpuStorage[], GpuStorage, GpuStorage, int[], AdamStep)}). Registered by
 * {@link GpuKernels}, which falls back to the host body (one {@code Kernels.adam} per parameter) through
 * {@link ResidentOrHost} when any storage is not resident.
 */
final class DeviceAdam implements AdamKernel {
    private final AdamOps ops;

    DeviceAdam(AdamOps ops) {
        this.ops = ops;
    }

    @Override
    public void step(Storage[] params, Storage[] grads, Storage m, Storage v, int[] momentOffsets, AdamStep step) {
        ops.adam(devices(params), devices(grads), GpuStorage.of(m), GpuStorage.of(v), momentOffsets, step);
    }

    private static GpuStorage[] devices(Storage[] storages) {
        GpuStorage[] out = new GpuStorage[storages.length];
        for (int i = 0; i < storages.length; i++) out[i] = GpuStorage.of(storages[i]);
        return out;
    }
}
