package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.InstanceNormKernel;
import org.regionwise.gpu.InstanceNormOps.NormStats;

/**
 * Instance norm on resident storages ({@link InstanceNormOps#instanceNorm}); registered by {@link GpuKernels},
 * which falls back to the host body through {@link ResidentOrHost}.
 */
final class DeviceInstanceNorm implements InstanceNormKernel {
    private final InstanceNormOps ops;

    DeviceInstanceNorm(InstanceNormOps ops) {
        this.ops = ops;
    }

    @Override
    public void forward(int n, int c, int plane, float eps, Storage x, Storage gamma, Storage beta,
                        Storage y, Storage mean, Storage invStd) {
        // The device kernel takes an affine pair or none; one without the other is left to the host.
        if ((gamma == null) != (beta == null)) {
            InstanceNormKernel.HOST.forward(n, c, plane, eps, x, gamma, beta, y, mean, invStd);
            return;
        }
        ops.instanceNorm(GpuStorage.of(x), GpuStorage.of(gamma), GpuStorage.of(beta), GpuStorage.of(y),
                new NormStats(GpuStorage.of(mean), GpuStorage.of(invStd)), n, c, plane, eps);
    }

    @Override
    public void backward(int n, int c, int plane, Storage x, Storage dy, Storage mean, Storage invStd,
                         Storage gamma, Storage dx, Storage dgamma, Storage dbeta) {
        ops.instanceNormBackward(GpuStorage.of(x), GpuStorage.of(dy),
                new NormStats(GpuStorage.of(mean), GpuStorage.of(invStd)), GpuStorage.of(gamma), GpuStorage.of(dx),
                GpuStorage.of(dgamma), GpuStorage.of(dbeta), n, c, plane);
    }
}
