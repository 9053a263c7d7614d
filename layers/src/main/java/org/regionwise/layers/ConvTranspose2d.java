package org.regionwise.layers;

import java.util.Random;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;

/**
 * Transposed 2D convolution layer, PyTorch's {@code nn.ConvTranspose2d} with square kernels: weight
 * (in, out, k, k), optional bias (out). He-normal init as nnU-Net (fan-in taken as PyTorch does from axis 1,
 * here the output channels: see {@link Init#fanIn}).
 */
public final class ConvTranspose2d extends Layer {
    private final Tensor weight;
    private final Tensor bias;
    private final int stride;
    private final int padding;
    private final int outputPadding;

    /** The U-Net's upsampling: kernel = stride = {@code factor}, no padding, no bias (as nnU-Net). */
    public static ConvTranspose2d upsampling(int inChannels, int outChannels, int factor, Random init) {
        return new ConvTranspose2d(inChannels, outChannels, factor, factor, 0, 0, false, init);
    }

    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, int outputPadding,
                           boolean bias, Random init) {
        if (inChannels <= 0 || outChannels <= 0 || kernelSize <= 0) {
            throw new IllegalArgumentException("ConvTranspose2d: channels and kernel size must be positive, got in "
                    + inChannels + ", out " + outChannels + ", kernel " + kernelSize);
        }
        this.weight = registerParameter("weight",
                Init.kaimingNormal(init, Init.NNUNET_NEGATIVE_SLOPE, inChannels, outChannels, kernelSize, kernelSize));
        this.bias = bias ? registerParameter("bias", Tensor.zeros(outChannels)) : null;
        this.stride = stride;
        this.padding = padding;
        this.outputPadding = outputPadding;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Functional.convTranspose2d(x, weight, bias, stride, padding, outputPadding, 1);
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }
}
