package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Cross-entropy of channel-softmax probabilities against integer labels, fused with its gradient with
 * respect to the logits (p - onehot), per pixel. The mean over pixels is a {@link ReductionKernels} sum of
 * the per-pixel losses: keeping the reduction separate keeps each kernel free of atomics.
 */
public final class LossKernels {
    /** Probabilities are clamped here before the log, so a confidently wrong pixel costs ~87, not infinity. */
    public static final float MIN_PROBABILITY = 1e-38f;

    private LossKernels() {}

    /**
     * loss[px] = -log p[label]; dlogits = gradScale * (p - onehot(label)) (overwritten). A negative label
     * ignores the pixel (zero loss, zero gradient). Labels are stored as floats holding class indices.
     * ints: n, c, plane, probs, labels, loss, dlogits (-1: no gradient). floats: gradScale.
     */
    public static void softmaxCrossEntropy(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int probs = ints[3];
        int labels = ints[4];
        int loss = ints[5];
        int dlogits = ints[6];
        float gradScale = floats[0];
        int total = n * plane;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int nn = idx / plane;
            int px = idx - nn * plane;
            int base = nn * c * plane + px;
            int label = (int) heap[labels + idx];
            float pixelLoss = 0f;
            if (label >= 0) {
                float p = Math.max(heap[probs + base + label * plane], MIN_PROBABILITY);
                pixelLoss = -(float) Math.log(p);
            }
            heap[loss + idx] = pixelLoss;
            if (dlogits >= 0) {
                for (int cc = 0; cc < c; cc++) {
                    int i = base + cc * plane;
                    float target = cc == label ? 1f : 0f;
                    heap[dlogits + i] = label >= 0 ? gradScale * (heap[probs + i] - target) : 0f;
                }
            }
        }
    }

    public static Launch softmaxCrossEntropyLaunch(int n, int c, int plane, int probs, int labels, int loss,
                                                   int dlogits, float gradScale) {
        return Launch.of(Kernel.SOFTMAX_CROSS_ENTROPY, n * plane,
                new int[] {n, c, plane, probs, labels, loss, dlogits}, gradScale);
    }
}
