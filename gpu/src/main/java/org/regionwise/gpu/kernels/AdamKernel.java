package org.regionwise.gpu.kernels;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.gpu.Parallel;

/**
 * One Adam step over a flat parameter buffer, elementwise exactly as autodiff's {@code optim.Adam}
 * (torch.optim.Adam, L2 weight decay added to the gradient). The step-dependent scalars are computed on the
 * host in double, as PyTorch does, and passed in.
 */
public final class AdamKernel {
    private AdamKernel() {}

    /**
     * (Not named "step": that is an OpenCL built-in, and TornadoVM names the OpenCL kernel after the method.)
     * ints: count, param, grad, m, v.
     * floats: stepSize (lr / (1 - beta1^t)), bc2Sqrt (sqrt(1 - beta2^t)), 1 - beta1, beta2, 1 - beta2, eps, weightDecay.
     */
    public static void adamStep(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int param = ints[1];
        int grad = ints[2];
        int m = ints[3];
        int v = ints[4];
        float stepSize = floats[0];
        float bc2Sqrt = floats[1];
        float oneMinusBeta1 = floats[2];
        float beta2 = floats[3];
        float oneMinusBeta2 = floats[4];
        float eps = floats[5];
        float weightDecay = floats[6];
        for (@Parallel int i = 0; i < count; i++) {
            float p = heap[param + i];
            float g = weightDecay == 0f ? heap[grad + i] : heap[grad + i] + weightDecay * p;
            float mi = heap[m + i];
            mi += oneMinusBeta1 * (g - mi);
            float vi = beta2 * heap[v + i] + oneMinusBeta2 * g * g;
            heap[m + i] = mi;
            heap[v + i] = vi;
            float denom = (float) Math.sqrt(vi) / bc2Sqrt + eps;
            heap[param + i] = p - stepSize * (mi / denom);
        }
    }

    /** The launch for step {@code t} (counted from 1), with the scalars computed in double as PyTorch does. */
    public static Launch launch(int count, int param, int grad, int m, int v, int t, double lr, double beta1,
                                double beta2, double eps, double weightDecay) {
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        return Launch.of(Kernel.ADAM, count, new int[] {count, param, grad, m, v},
                (float) (lr / bc1), (float) Math.sqrt(bc2), (float) (1 - beta1), (float) beta2, (float) (1 - beta2),
                (float) eps, (float) weightDecay);
    }

    /**
     * The launch for autodiff's per-step scalars (optim.Adam computes them once per step, as HostOps.adam
     * applies them). m and v are heap offsets of this parameter's moments, i.e. the flat moment buffers'
     * offsets plus the parameter's offset in them.
     */
    public static Launch launch(int count, int param, int grad, int m, int v, AdamStep s) {
        return Launch.of(Kernel.ADAM, count, new int[] {count, param, grad, m, v},
                s.stepSize(), s.biasCorrection2Sqrt(), s.oneMinusBeta1(), s.beta2(), s.oneMinusBeta2(), s.eps(), s.weightDecay());
    }
}
