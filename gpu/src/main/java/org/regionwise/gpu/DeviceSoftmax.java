package org.regionwise.gpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.SoftmaxKernel;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AxisSoftmaxKernels;

/** autodiff's softmax and log-softmax along an axis on resident storages ({@link AxisSoftmaxKernels}). */
final class DeviceSoftmax implements SoftmaxKernel {
    private final DeviceHeap heap;

    DeviceSoftmax(GpuBackend backend) {
        this.heap = backend.heap();
    }

    @Override
    public void forward(int outer, int len, int inner, boolean log, Storage x, Storage probs, Storage out) {
        if (outer * len * inner == 0) return;
        GpuStorage p = GpuStorage.of(probs);
        GpuStorage o = GpuStorage.of(out);
        int pOff = p.deviceOffsetForOverwrite();
        int oOff = log ? o.deviceOffsetForOverwrite() : pOff;
        heap.launch(AxisSoftmaxKernels.forwardLaunch(outer, len, inner, log, GpuStorage.of(x).deviceOffset(), pOff, oOff));
        p.deviceWritten();
        if (log) o.deviceWritten();
    }

    @Override
    public void backward(int outer, int len, int inner, boolean log, Storage probs, Storage g, Storage gx) {
        if (outer * len * inner == 0) return;
        GpuStorage d = GpuStorage.of(gx);
        heap.launch(AxisSoftmaxKernels.backwardLaunch(outer, len, inner, log, GpuStorage.of(probs).deviceOffset(),
                GpuStorage.of(g).deviceOffset(), d.deviceOffset()));
        d.deviceWritten();
    }
}
