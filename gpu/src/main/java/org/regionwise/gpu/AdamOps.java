package org.regionwise.gpu;

import java.util.Arrays;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AdamKernel;

/**
 * Adam on resident parameters, gradients and moments ({@link AdamKernel}): per tensor, or every parameter of a step
 * in one launch.
 */
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
        requireMoments("adam: moments", momentOffset, count, m, v);
        heap.launch(AdamKernel.launch(count, p.deviceOffset(), g.deviceOffset(), m.deviceOffset() + momentOffset,
                v.deviceOffset() + momentOffset, step));
        p.deviceWritten();
        m.deviceWritten();
        v.deviceWritten();
    }

    /**
     * One Adam update of every {@code params[i]} whose gradient {@code grads[i]} is not null, with its moments at
     * {@code momentOffsets[i]} in m and v: one launch over a segment table ({@link AdamKernel#adamSegments}; a
     * further launch per {@link AdamKernel#MAX_SEGMENTS} tensors), where {@link #adam(GpuStorage, GpuStorage,
     * GpuStorage, GpuStorage, int, AdamStep)} once per tensor would launch once per parameter.
     */
    public void adam(GpuStorage[] params, GpuStorage[] grads, GpuStorage m, GpuStorage v, int[] momentOffsets, AdamStep step) {
        if (grads.length != params.length || momentOffsets.length != params.length) {
            throw new IllegalArgumentException("adam: " + params.length + " parameters, " + grads.length + " gradients, "
                    + momentOffsets.length + " moment offsets");
        }
        int[] pOff = new int[params.length];
        int[] gOff = new int[params.length];
        int[] moments = new int[params.length];
        int[] lengths = new int[params.length];
        int segments = 0;
        for (int i = 0; i < params.length; i++) {
            if (grads[i] == null || params[i].size() == 0) continue;
            int count = params[i].size();
            DeviceChecks.requireSize("adam: gradient of parameter " + i, grads[i], count);
            int mo = momentOffsets[i];
            requireMoments("adam: moments of parameter " + i, mo, count, m, v);
            pOff[segments] = params[i].deviceOffset();
            gOff[segments] = grads[i].deviceOffset();
            moments[segments] = mo;
            lengths[segments] = count;
            segments++;
        }
        if (segments == 0) return;
        int mOff = m.deviceOffset();
        int vOff = v.deviceOffset();
        for (int from = 0; from < segments; from += AdamKernel.MAX_SEGMENTS) {
            int n = Math.min(AdamKernel.MAX_SEGMENTS, segments - from);
            heap.launch(AdamKernel.segmentsLaunch(n, tail(pOff, from), tail(gOff, from), tail(moments, from), tail(lengths, from),
                    mOff, vOff, step));
        }
        for (int i = 0; i < params.length; i++) {
            if (grads[i] != null && params[i].size() > 0) params[i].deviceWritten();
        }
        m.deviceWritten();
        v.deviceWritten();
    }

    /** Checks that [offset, offset + count) lies inside both moment buffers; {@code what} starts the message. */
    private static void requireMoments(String what, int offset, int count, GpuStorage m, GpuStorage v) {
        if (offset < 0 || offset + count > m.size() || offset + count > v.size()) {
            throw new IllegalArgumentException(what + " [" + offset + ", " + (offset + count) + ") outside buffers of "
                    + m.size() + " and " + v.size() + " elements");
        }
    }

    private static int[] tail(int[] a, int from) {
        return from == 0 ? a : Arrays.copyOfRange(a, from, a.length);
    }
}
