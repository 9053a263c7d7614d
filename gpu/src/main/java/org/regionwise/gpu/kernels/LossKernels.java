package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * Cross-entropy, per pixel, fused with its gradient with respect to the logits: of channel-softmax
 * probabilities against integer labels (p - onehot; DeviceOps' resident step), and of logits against soft
 * target probabilities (autodiff's fused op). The mean over pixels is a {@link ReductionKernels} sum of
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

    /**
     * Cross entropy against soft targets straight from the logits (autodiff's fused op, HostOps'
     * softmaxCrossEntropy): per pixel, with the log-softmax max-shifted so any finite logits give a finite loss,
     * loss[px] = -scale * sum_k target_k * logSoftmax_k, and when dlogits >= 0,
     * dlogits = scale * (softmax * sum_k target_k - target) (overwritten). scale is 1 / pixels, so the chunk sums
     * of loss are the mean. Zero targets are skipped, as on the host (a -inf logit with target 0 costs nothing).
     * ints: n, c, plane, logits, target, loss, dlogits (-1: no gradient). floats: scale.
     */
    public static void softTargetCrossEntropy(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int plane = ints[2];
        int logits = ints[3];
        int target = ints[4];
        int loss = ints[5];
        int dlogits = ints[6];
        float scale = floats[0];
        int total = n * plane;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int nn = idx / plane;
            int px = idx - nn * plane;
            int base = nn * c * plane + px;
            float max = heap[logits + base];
            for (int cc = 1; cc < c; cc++) {
                max = Math.max(max, heap[logits + base + cc * plane]);
            }
            float sumExp = 0f;
            for (int cc = 0; cc < c; cc++) {
                sumExp += (float) Math.exp(heap[logits + base + cc * plane] - max);
            }
            float logSum = (float) Math.log(sumExp);
            float targetSum = 0f;
            float acc = 0f;
            for (int cc = 0; cc < c; cc++) {
                int i = base + cc * plane;
                float t = heap[target + i];
                targetSum += t;
                if (t != 0f) {
                    acc += t * (heap[logits + i] - max - logSum);
                }
            }
            heap[loss + idx] = -acc * scale;
            if (dlogits >= 0) {
                for (int cc = 0; cc < c; cc++) {
                    int i = base + cc * plane;
                    float softmax = (float) Math.exp(heap[logits + i] - max - logSum);
                    heap[dlogits + i] = (softmax * targetSum - heap[target + i]) * scale;
                }
            }
        }
    }

    public static Launch softTargetCrossEntropyLaunch(int n, int c, int plane, int logits, int target, int loss,
                                                      int dlogits, float scale) {
        return Launch.of(Kernel.SOFT_TARGET_CROSS_ENTROPY, n * plane,
                new int[] {n, c, plane, logits, target, loss, dlogits}, scale);
    }

    public static Launch softmaxCrossEntropyLaunch(int n, int c, int plane, int probs, int labels, int loss,
                                                   int dlogits, float gradScale) {
        return Launch.of(Kernel.SOFTMAX_CROSS_ENTROPY, n * plane,
                new int[] {n, c, plane, probs, labels, loss, dlogits}, gradScale);
    }
}
