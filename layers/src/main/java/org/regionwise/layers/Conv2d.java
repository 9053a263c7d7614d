package org.regionwise.layers;

import java.util.Random;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;

/**
 * 2D convolution layer, PyTorch's {@code nn.Conv2d} with square kernels: weight (out, in, k, k), optional
 * bias (out). Initialised as nnU-Net does (He normal, negative slope 1e-2; zero bias), not with PyTorch's
 * default uniform init, because this library trains nnU-Net-style networks.
 */
public final class Conv2d extends Layer {
    private final Tensor weight;
    private final Tensor bias;
    private final int stride;
    private final int padding;
    private final int dilation;

    /** Stride 1, no padding, dilation 1, with bias. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, Random init) {
        this(inChannels, outChannels, kernelSize, 1, 0, 1, true, init);
    }

    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int dilation,
                  boolean bias, Random init) {
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0) {
            throw new IllegalArgumentException("Conv2d: channels and kernel size must be positive, got in " + inChannels
                    + ", out " + outChannels + ", kernel " + kernelSize);
        }
        this.weight = registerParameter("weight",
                Init.kaimingNormal(init, Init.NNUNET_NEGATIVE_SLOPE, outChannels, inChannels, kernelSize, kernelSize));
        this.bias = bias ? registerParameter("bias", Tensor.zeros(outChannels)) : null;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.conv2d(x, weight, bias, stride, padding, dilation);
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or null when built without one. */
    public Tensor bias() {
        return bias;
    }
}
