package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link SoftmaxCrossEntropyKernel}: plain loops that read like the definition, in double.
 * It is the reference twin of the parallel CPU kernel ({@code cpu.ParallelSoftmaxCrossEntropy}), which runs
 * {@link #sample} one sample per thread and adds the sums in the same order, so both give the same bits.
 */
public final class HostSoftmaxCrossEntropy implements SoftmaxCrossEntropyKernel {
    HostSoftmaxCrossEntropy() {}

    @Override
    public void forward(int n, int c, int plane, Storage logits, Storage target, Storage loss, Storage dlogits) {
        float[] d = dlogits == null ? null : dlogits.host();
        loss.host()[0] = loss(n, c, plane, logits.host(), target.host(), d);
        loss.hostWritten();
        if (dlogits != null) dlogits.hostWritten();
    }

    /**
     * Mean over the n * plane pixels of {@code -sum_k target_k * log softmax_k(logits)}, softmax over the c
     * channels of (n, c, plane) data, max-shifted so any finite logits give a finite loss. {@code dlogits}
     * (may be null) is overwritten with the gradient of that mean: (softmax * sum_k target_k - target) / pixels.
     */
    public static float loss(int n, int c, int plane, float[] logits, float[] target, float[] dlogits) {
        double total = 0;
        for (int b = 0; b < n; b++) total += sample(b, n, c, plane, logits, target, dlogits);
        return (float) (total / ((double) n * plane));
    }

    /**
     * Sample {@code b}'s part of {@link #loss}: the sum (not yet the mean) of its pixels' losses, and its
     * slice of dlogits. Samples are independent, so threads may take one each.
     */
    public static double sample(int b, int n, int c, int plane, float[] logits, float[] target, float[] dlogits) {
        double total = 0;
        double scale = 1.0 / ((double) n * plane);
        for (int p = 0; p < plane; p++) {
            int base = b * c * plane + p;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) max = Math.max(max, logits[base + k * plane]);
            double sumExp = 0;
            for (int k = 0; k < c; k++) sumExp += Math.exp(logits[base + k * plane] - max);
            double logSum = Math.log(sumExp);
            double targetSum = 0;
            for (int k = 0; k < c; k++) {
                float t = target[base + k * plane];
                targetSum += t;
                if (t != 0f) total -= t * (logits[base + k * plane] - max - logSum);
            }
            if (dlogits != null) {
                for (int k = 0; k < c; k++) {
                    int i = base + k * plane;
                    double softmax = Math.exp(logits[i] - max - logSum);
                    dlogits[i] = (float) ((softmax * targetSum - target[i]) * scale);
                }
            }
        }
        return total;
    }
}
