package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Softmax and log-softmax along any axis of (outer, len, inner) row-major data (autodiff's {@code Softmax}),
 * one parallel iteration per line of {@code len} values {@code inner} apart, max-shifted. Unlike
 * {@link SoftmaxKernels} (channel softmax of the cross-entropy path) it keeps the log-softmax, computed as
 * {@code x - max - log(sum)} rather than as the log of a rounded probability. Reference twin:
 * {@code autodiff.ops.HostSoftmax} (double sums; here float).
 */
public final class AxisSoftmaxKernels {
    private AxisSoftmaxKernels() {}

    /** probs = softmax(x); out = log-softmax(x) when log != 0. ints: outer, len, inner, log, x, probs, out. */
    public static void forward(float[] heap, int[] ints, float[] floats) {
        int outer = ints[0];
        int len = ints[1];
        int inner = ints[2];
        int log = ints[3];
        int x = ints[4];
        int probs = ints[5];
        int out = ints[6];
        int lines = outer * inner;
        for (@Parallel int line = 0; line < lines; line++) {
            int o = line / inner;
            int j = line - o * inner;
            int base = o * len * inner + j;
            float max = heap[x + base];
            for (int c = 1; c < len; c++) {
                max = Math.max(max, heap[x + base + c * inner]);
            }
            float sum = 0f;
            for (int c = 0; c < len; c++) {
                sum += (float) Math.exp(heap[x + base + c * inner] - max);
            }
            float logSum = (float) Math.log(sum);
            for (int c = 0; c < len; c++) {
                int i = base + c * inner;
                float shifted = heap[x + i] - max - logSum;
                heap[probs + i] = (float) Math.exp(shifted);
                if (log != 0) {
                    heap[out + i] = shifted;
                }
            }
        }
    }

    /**
     * gx += s (g - sum g s) (softmax), or g - s sum g (log-softmax, log != 0), from the saved probabilities s.
     * ints: outer, len, inner, log, probs, g, gx.
     */
    public static void backward(float[] heap, int[] ints, float[] floats) {
        int outer = ints[0];
        int len = ints[1];
        int inner = ints[2];
        int log = ints[3];
        int probs = ints[4];
        int g = ints[5];
        int gx = ints[6];
        int lines = outer * inner;
        for (@Parallel int line = 0; line < lines; line++) {
            int o = line / inner;
            int j = line - o * inner;
            int base = o * len * inner + j;
            float dot = 0f;
            for (int c = 0; c < len; c++) {
                int i = base + c * inner;
                dot += log != 0 ? heap[g + i] : heap[g + i] * heap[probs + i];
            }
            for (int c = 0; c < len; c++) {
                int i = base + c * inner;
                heap[gx + i] += log != 0 ? heap[g + i] - heap[probs + i] * dot : heap[probs + i] * (heap[g + i] - dot);
            }
        }
    }

    public static Launch forwardLaunch(int outer, int len, int inner, boolean log, int x, int probs, int out) {
        return Launch.of(Kernel.AXIS_SOFTMAX, outer * inner, new int[] {outer, len, inner, log ? 1 : 0, x, probs, out});
    }

    public static Launch backwardLaunch(int outer, int len, int inner, boolean log, int probs, int g, int gx) {
        return Launch.of(Kernel.AXIS_SOFTMAX_BACKWARD, outer * inner, new int[] {outer, len, inner, log ? 1 : 0, probs, g, gx});
    }
}
