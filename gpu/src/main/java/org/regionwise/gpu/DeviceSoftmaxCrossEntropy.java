package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropyKernel;

/**
 * The fused cross entropy on resident storages ({@link CrossEntropyOps#softTargetCrossEntropy}); registered by
 * {@link GpuKernels}, which falls back to the host body through {@link ResidentOrHost}.
 */
final class DeviceSoftmaxCrossEntropy implements SoftmaxCrossEntropyKernel {
    private final CrossEntropyOps ops;

    DeviceSoftmaxCrossEntropy(CrossEntropyOps ops) {
        this.ops = ops;
    }

    @Override
    public void forward(int n, int c, int plane, Storage logits, Storage target, Storage loss, Storage dlogits) {
        ops.softTargetCrossEntropy(GpuStorage.of(logits), GpuStorage.of(target), n, c, plane, GpuStorage.of(loss),
                GpuStorage.of(dlogits));
    }
}
