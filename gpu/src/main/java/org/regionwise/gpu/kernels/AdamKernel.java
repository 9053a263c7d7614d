package org.regionwise.gpu.kernels;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.gpu.Parallel;

/**
 * One Adam step over a flat parameter buffer, elementwise exactly as autodiff's {@code optim.Adam}
 * (torch.optim.Adam, L2 weight decay added to the gradient). The step-dependent scalars are computed on the
 * host in double, as PyTorch does, and passed in. {@link #adamStep} updates one tensor; {@link #adamSegments}
 * updates every parameter of a step in one launch (PyTorch's multi-tensor Adam), over a segment table.
 * Reference twin: {@code autodiff.backend.HostOps.adam}.
 */
public final class AdamKernel {
    /** The int arguments of {@link #adamSegments}: its header, then the segment table. */
    public static final int SEGMENT_INTS = 1 << 12;
    private static final int SEGMENT_HEAD = 4;
    /** Segments per launch: the header, segments + 1 starts and 3 offsets per segment fit in {@link #SEGMENT_INTS}. */
    public static final int MAX_SEGMENTS = (SEGMENT_INTS - SEGMENT_HEAD - 1) / 4;

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

    /**
     * {@link #adamStep} over several tensors in one launch: element e of the launch belongs to the segment s with
     * starts[s] <= e < starts[s + 1] (found by binary search over the starts), and updates element e - starts[s] of
     * that segment's parameter, gradient and moments, with the same float operations in the same order as
     * {@link #adamStep} (its twin: the same bits). ints: segments, total (= starts[segments]), m, v (the flat moment
     * buffers' heap offsets), starts[segments + 1], then per segment its param, grad and moment offsets (heap
     * offsets; the moment offset is relative to m and v). floats: as {@link #adamStep}.
     */
    public static void adamSegments(float[] heap, int[] ints, float[] floats) {
        int segments = ints[0];
        int total = ints[1];
        int m = ints[2];
        int v = ints[3];
        int table = SEGMENT_HEAD + segments + 1;
        float stepSize = floats[0];
        float bc2Sqrt = floats[1];
        float oneMinusBeta1 = floats[2];
        float beta2 = floats[3];
        float oneMinusBeta2 = floats[4];
        float eps = floats[5];
        float weightDecay = floats[6];
        for (@Parallel int e = 0; e < total; e++) {
            int lo = 0;
            int hi = segments;
            while (hi - lo > 1) {
                int mid = (lo + hi) / 2;
                if (ints[SEGMENT_HEAD + mid] <= e) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            int j = e - ints[SEGMENT_HEAD + lo];
            int param = ints[table + 3 * lo] + j;
            int grad = ints[table + 3 * lo + 1] + j;
            int k = ints[table + 3 * lo + 2] + j;
            float p = heap[param];
            float g = weightDecay == 0f ? heap[grad] : heap[grad] + weightDecay * p;
            float mi = heap[m + k];
            mi += oneMinusBeta1 * (g - mi);
            float vi = beta2 * heap[v + k] + oneMinusBeta2 * g * g;
            heap[m + k] = mi;
            heap[v + k] = vi;
            float denom = (float) Math.sqrt(vi) / bc2Sqrt + eps;
            heap[param] = p - stepSize * (mi / denom);
        }
    }

    /**
     * The launch of {@link #adamSegments} over {@code segments} (at most {@link #MAX_SEGMENTS}) tensors: tensor s has
     * {@code lengths[s]} elements at heap offsets {@code params[s]} and {@code grads[s]}, and its moments at
     * {@code m + moments[s]} and {@code v + moments[s]}.
     */
    public static Launch segmentsLaunch(int segments, int[] params, int[] grads, int[] moments, int[] lengths, int m, int v,
                                        AdamStep s) {
        if (segments > MAX_SEGMENTS) {
            throw new IllegalArgumentException("adam: " + segments + " segments in one launch, at most " + MAX_SEGMENTS);
        }
        int table = SEGMENT_HEAD + segments + 1;
        int[] ints = new int[table + 3 * segments];
        int start = 0;
        for (int i = 0; i < segments; i++) {
            ints[SEGMENT_HEAD + i] = start;
            ints[table + 3 * i] = params[i];
            ints[table + 3 * i + 1] = grads[i];
            ints[table + 3 * i + 2] = moments[i];
            start += lengths[i];
        }
        ints[SEGMENT_HEAD + segments] = start;
        ints[0] = segments;
        ints[1] = start;
        ints[2] = m;
        ints[3] = v;
        return Launch.of(Kernel.ADAM_SEGMENTS, start, ints,
                s.stepSize(), s.biasCorrection2Sqrt(), s.oneMinusBeta1(), s.beta2(), s.oneMinusBeta2(), s.eps(), s.weightDecay());
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
