package org.regionwise.autodiff;

import org.regionwise.autodiff.ops.Conv2d;
import org.regionwise.autodiff.ops.ConvTranspose2d;
import org.regionwise.autodiff.ops.Pool2d;
import org.regionwise.autodiff.ops.ResizeNearest;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropy;

/** Stateless neural-network ops over NCHW tensors (PyTorch's {@code torch.nn.functional}). */
public final class Functional {
    private Functional() {}

    /** Convolution; {@code bias} may be null. Output size as PyTorch: (H + 2p - d(k-1) - 1) / s + 1. */
    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation) {
        return Conv2d.apply(x, weight, bias, stride, padding, dilation);
    }

    public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias) {
        return conv2d(x, weight, bias, 1, 0, 1);
    }

    /** Transposed convolution with weight (Cin, Cout, kh, kw); {@code bias} may be null. */
    public static Tensor convTranspose2d(Tensor x, Tensor weight, Tensor bias, int stride, int padding,
                                         int outputPadding, int dilation) {
        return ConvTranspose2d.apply(x, weight, bias, stride, padding, outputPadding, dilation);
    }

    public static Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
        return Pool2d.max(x, kernel, stride, padding);
    }

    public static Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
        return Pool2d.avg(x, kernel, stride, padding);
    }

    public static Tensor resizeNearest(Tensor x, int outH, int outW) {
        return ResizeNearest.apply(x, outH, outW);
    }

    /**
     * Mean cross entropy of channel-softmax {@code logits} (N, C, ...) against {@code target} probabilities
     * of the same shape (one-hot for hard labels), fused into one op: PyTorch's {@code F.cross_entropy}.
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor target) {
        return SoftmaxCrossEntropy.apply(logits, target);
    }

    /** Integer label maps (n, h, w) resized by nearest neighbour, as deep supervision needs. */
    public static int[] resizeLabels(int[] labels, int n, int h, int w, int outH, int outW) {
        return ResizeNearest.labels(labels, n, h, w, outH, outW);
    }

    /** {@link #resizeLabels} into a caller's buffer of {@code n * outH * outW} labels (reused across steps). */
    public static void resizeLabelsInto(int[] labels, int n, int h, int w, int outH, int outW, int[] out) {
        ResizeNearest.labelsInto(labels, n, h, w, outH, outW, out);
    }
}
