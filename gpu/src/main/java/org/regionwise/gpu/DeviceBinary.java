package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.BinaryKernel;
import org.regionwise.autodiff.ops.BinaryOp;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.BroadcastKernels;

/**
 * autodiff's broadcasting add, sub, mul and div on resident storages ({@link BroadcastKernels}); outputs of
 * rank above {@link BroadcastKernels#MAX_RANK} run the host body. Registered by {@link GpuKernels}.
 */
final class DeviceBinary implements BinaryKernel {
    private final DeviceHeap heap;

    DeviceBinary(GpuBackend backend) {
        this.heap = backend.heap();
    }

    @Override
    public void forward(BinaryOp.Kind kind, int[] outShape, int[] aShape, int[] bShape, Storage a, Storage b, Storage out) {
        if (outShape.length > BroadcastKernels.MAX_RANK) {
            BinaryKernel.HOST.forward(kind, outShape, aShape, bShape, a, b, out);
            return;
        }
        GpuStorage z = GpuStorage.of(out);
        if (z.size() == 0) return;
        heap.launch(BroadcastKernels.forwardLaunch(kind.ordinal(), outShape, BroadcastKernels.mask(aShape, outShape),
                BroadcastKernels.mask(bShape, outShape), GpuStorage.of(a).deviceOffset(), GpuStorage.of(b).deviceOffset(),
                z.deviceOffsetForOverwrite()));
        z.deviceWritten();
    }

    @Override
    public void backward(BinaryOp.Kind kind, int[] outShape, int[] aShape, int[] bShape, Storage a, Storage b, Storage g,
                         Storage ga, Storage gb) {
        if (outShape.length > BroadcastKernels.MAX_RANK) {
            BinaryKernel.HOST.backward(kind, outShape, aShape, bShape, a, b, g, ga, gb);
            return;
        }
        if (GpuStorage.of(g).size() == 0) return;
        int aMask = BroadcastKernels.mask(aShape, outShape);
        int bMask = BroadcastKernels.mask(bShape, outShape);
        int aOff = GpuStorage.of(a).deviceOffset();
        int bOff = GpuStorage.of(b).deviceOffset();
        int gOff = GpuStorage.of(g).deviceOffset();
        // One launch per operand; when both are one storage (x * x) the second adds to the first's result.
        if (ga != null) {
            GpuStorage d = GpuStorage.of(ga);
            heap.launch(BroadcastKernels.backwardLaunch(kind.ordinal(), 0, outShape, aMask, bMask, aOff, bOff, gOff, d.deviceOffset()));
            d.deviceWritten();
        }
        if (gb != null) {
            GpuStorage d = GpuStorage.of(gb);
            heap.launch(BroadcastKernels.backwardLaunch(kind.ordinal(), 1, outShape, aMask, bMask, aOff, bOff, gOff, d.deviceOffset()));
            d.deviceWritten();
        }
    }
}
