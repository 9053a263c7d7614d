package org.regionwise.gpu.kernels;

import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/**
 * Channel softmax (forward and backward) and the fused softmax cross-entropy, as plain Java, against
 * autodiff: its softmax / log-softmax ops, with gradients from its tape.
 */
class SoftmaxAndLossKernelsProperties {
    private static final Tolerance CLOSE = new Tolerance(1e-6, 1e-5);

    @Property(tries = 60)
    void softmaxForwardAndBackwardMatchAutodiff(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                                @ForAll @IntRange(min = 1, max = 30) int plane,
                                                @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int count = n * c * plane;
        HeapImage image = new HeapImage(0, seed);
        int x = image.region(count, -10f, 10f);
        int y = image.region(count);
        int dy = image.region(count);
        int dx = image.region(count);
        float[] heap = image.toArray();
        Tensor xt = Tensor.of(slice(heap, x, count), n, c, plane).requiresGrad(true);
        Tensor yt = xt.softmax(1);
        yt.mul(Tensor.of(slice(heap, dy, count), n, c, plane)).sum().backward();
        float[] expectedDx = slice(heap, dx, count);
        float[] autodiffDx = xt.grad().toArray();
        for (int i = 0; i < count; i++) expectedDx[i] += autodiffDx[i];

        SoftmaxKernels.forwardLaunch(n, c, plane, x, y).runOn(heap);
        SoftmaxKernels.backwardLaunch(n, c, plane, y, dy, dx).runOn(heap);

        CLOSE.assertClose("softmax", yt.toArray(), slice(heap, y, count));
        CLOSE.assertClose("softmax backward", expectedDx, slice(heap, dx, count));
    }

    @Property(tries = 60)
    void crossEntropyAndItsLogitGradientMatchAutodiff(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                                      @ForAll @IntRange(min = 1, max = 30) int plane,
                                                      @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int count = n * c * plane;
        int pixels = n * plane;
        HeapImage image = new HeapImage(0, seed);
        int logits = image.region(count, -6f, 6f);
        float[] labels = new float[pixels];
        float[] onehot = new float[count];
        for (int i = 0; i < pixels; i++) {
            int label = image.random().nextInt(c + 1) - 1; // -1: ignored pixel
            labels[i] = label;
            if (label >= 0) onehot[(i / plane * c + label) * plane + i % plane] = 1f;
        }
        int lab = image.region(labels);
        int probs = image.region(count);
        int loss = image.region(pixels);
        int grad = image.region(count);
        float[] heap = image.toArray();

        Tensor lt = Tensor.of(slice(heap, logits, count), n, c, plane).requiresGrad(true);
        Tensor meanLoss = lt.logSoftmax(1).mul(Tensor.of(onehot, n, c, plane)).sum().neg().div(pixels);
        meanLoss.backward();

        SoftmaxKernels.forwardLaunch(n, c, plane, logits, probs).runOn(heap);
        LossKernels.softmaxCrossEntropyLaunch(n, c, plane, probs, lab, loss, grad, 1f / pixels).runOn(heap);
        double total = 0;
        for (int i = 0; i < pixels; i++) total += heap[loss + i];

        new Tolerance(1e-5, 1e-5).assertClose("mean cross-entropy", new float[] {meanLoss.item()}, new float[] {(float) (total / pixels)});
        CLOSE.assertClose("dlogits", lt.grad().toArray(), slice(heap, grad, count));
    }
}
