package org.regionwise.gpu;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AdamKernel;

/** Adam on resident parameters, gradients and moments ({@link AdamKernel}). */
public final class AdamOps {
    private final DeviceHeap heap;

    AdamOps(DeviceHeap heap) {
        this.heap = heap;
    }

    /** One Adam step t (from 1) over flat buffers param, grad, m, v, as autodiff's optim.Adam. */
    public void adam(GpuStorage param, GpuStorage grad, GpuStorage m, GpuStorage v, int t, double lr, double beta1,
                     double beta2, double eps, double weightDecay) {
        heap.launch(AdamKernel.launch(param.size(), param.deviceOffset(), grad.deviceOffset(), m.deviceOffset(), v.deviceOffset(),
                t, lr, beta1, beta2, eps, weightDecay));
        param.deviceWritten();
        m.deviceWritten();
        v.deviceWritten();
    }

    /**
     * One Adam update of parameter p with autodiff's per-step scalars; its moments are m and v from
     * {@code momentOffset} on (the optimiser's flat moment buffers, shared by all parameters).
     */
    public void adam(GpuStorage p, GpuStorage g, GpuStorage m, GpuStorage v, int momentOffset, AdamStep step) {
        int count = p.size();
        DeviceChecks.requireSize("adam: gradient", g, count);
        if (momentOffset < 0 || momentOffset + count > m.size() || momentOffset + count > v.size()) {
            throw new IllegalArgumentException("adam: moments [" + momentOffset + ", " + (momentOffset + count)
                    + ") outside buffers of " + m.size() + " and " + v.size() + " elements");
        }
        heap.launch(AdamKernel.launch(count, p.deviceOffset(), g.deviceOffset(), m.deviceOffset() + momentOffset,
                v.deviceOffset() + momentOffset, step));
        p.deviceWritten();
        m.deviceWritten();
        v.deviceWritten();
    }
}
