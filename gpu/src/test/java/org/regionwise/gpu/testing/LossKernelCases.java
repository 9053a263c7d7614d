package org.regionwise.gpu.testing;

import java.util.List;
import org.regionwise.gpu.kernels.LossKernels;
import org.regionwise.gpu.kernels.LovaszKernels;
import org.regionwise.gpu.kernels.ReductionKernels;
import org.regionwise.gpu.kernels.RegionWiseKernels;
import org.regionwise.gpu.kernels.SoftmaxKernels;

/**
 * Device parity cases for softmax and the fused losses: cross entropy, soft-target cross entropy, the Region-wise
 * loss, Lovasz-softmax. Each builds a heap image, its launches and the regions to compare; {@link KernelCases#all}
 * lists every case.
 */
final class LossKernelCases {
    private LossKernelCases() {}

    static KernelCase softmax(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 4, plane = 45, count = n * c * plane;
        int x = h.region(count, -8f, 8f);
        int y = h.region(count);
        int dy = h.region(count);
        int dx = h.region(count);
        return new KernelCase("softmax", base, h.toArray(),
                List.of(SoftmaxKernels.forwardLaunch(n, c, plane, x, y), SoftmaxKernels.backwardLaunch(n, c, plane, y, dy, dx)),
                new int[] {y, count, dx, count});
    }

    static KernelCase crossEntropy(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 3, plane = 41, count = n * c * plane;
        int logits = h.region(count, -4f, 4f);
        float[] labels = new float[n * plane];
        for (int i = 0; i < labels.length; i++) labels[i] = h.random().nextInt(c + 1) - 1; // -1: ignored
        int lab = h.region(labels);
        int probs = h.region(count);
        int loss = h.region(n * plane);
        int grad = h.region(count);
        return new KernelCase("softmax cross-entropy", base, h.toArray(),
                List.of(SoftmaxKernels.forwardLaunch(n, c, plane, logits, probs),
                        LossKernels.softmaxCrossEntropyLaunch(n, c, plane, probs, lab, loss, grad, 1f / (n * plane))),
                new int[] {loss, n * plane, grad, count});
    }

    static KernelCase softTargetCrossEntropy(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 4, plane = 43, count = n * c * plane, pixels = n * plane;
        int logits = h.region(count, -20f, 20f);
        int target = h.region(count, 0f, 1f); // soft, not normalised: exercises the sum-of-targets term
        int loss = h.region(pixels);
        int grad = h.region(count);
        int lossOnly = h.region(pixels);
        return new KernelCase("soft-target cross-entropy", base, h.toArray(),
                List.of(LossKernels.softTargetCrossEntropyLaunch(n, c, plane, logits, target, loss, grad, 1f / pixels),
                        LossKernels.softTargetCrossEntropyLaunch(n, c, plane, logits, target, lossOnly, -1, 1f / pixels)),
                new int[] {loss, pixels, grad, count, lossOnly, pixels});
    }

    static KernelCase regionWise(int base, long seed, boolean squared) {
        HeapImage h = new HeapImage(base, seed);
        int n = 2, c = 4, plane = 39, count = n * c * plane, pixels = n * plane;
        int chunks = ReductionKernels.chunkCount(pixels, 16);
        int logits = h.region(count, -10f, 10f);
        int map = h.region(count, -3f, 3f);
        int probs = h.region(count);
        int perPixel = h.region(pixels);
        int partials = h.region(chunks);
        int loss = h.region(1);
        int gradOut = h.region(1, 0.5f, 2f);
        int dlogits = h.region(count);
        float scale = 1f / count;
        return new KernelCase("region-wise squared=" + squared, base, h.toArray(),
                List.of(RegionWiseKernels.forwardLaunch(n, c, plane, squared, logits, map, probs, perPixel, scale),
                        ReductionKernels.chunkSumLaunch(pixels, 16, perPixel, partials),
                        ReductionKernels.chunkSumLaunch(chunks, chunks, partials, loss),
                        RegionWiseKernels.backwardLaunch(n, c, plane, squared, probs, map, gradOut, dlogits, scale)),
                new int[] {probs, count, perPixel, pixels, loss, 1, dlogits, count});
    }

    /**
     * Lovasz-softmax: 2 images, 3 classes (one absent from the second image), 37 pixels (padded to 64), scan
     * chunks of 5, probabilities from a few values (ties). Compared: the sorted indices (exact order, ties
     * included), the class totals, the gradient factor and the loss.
     */
    static KernelCase lovasz(int base, long seed) {
        HeapImage h = new HeapImage(base, seed);
        int batch = 2, classes = 3, n = 37, count = batch * classes * n;
        float[] oneHot = new float[count];
        float[] probs = new float[count];
        float[] levels = {0f, 0.25f, 0.5f, 1f, 0.8f};
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) oneHot[(b * classes + h.random().nextInt(b == 0 ? classes : classes - 1)) * n + i] = 1f;
        }
        for (int i = 0; i < count; i++) probs[i] = levels[h.random().nextInt(levels.length)];
        int s = h.region(probs);
        int y = h.region(oneHot);
        int dProbs = h.region(count);
        int loss = h.region(1);
        LovaszKernels.Scratch layout = LovaszKernels.Scratch.of(batch * classes, n, 5, 16, 0);
        int scratchBase = h.region(layout.floats());
        LovaszKernels.Scratch scratch = LovaszKernels.Scratch.of(batch * classes, n, 5, 16, scratchBase);
        return new KernelCase("lovasz", base, h.toArray(), LovaszKernels.launches(batch, classes, scratch, s, y, dProbs, loss),
                new int[] {scratch.index(), scratch.sorted(), scratch.totals(), batch * classes, dProbs, count, loss, 1});
    }
}
