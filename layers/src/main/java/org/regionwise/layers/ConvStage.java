package org.regionwise.layers;

import java.util.Random;
import org.regionwise.autodiff.Tensor;

/**
 * Two [3x3 conv (padding 1, bias) -> norm -> LeakyReLU(0.01)] blocks, nnU-Net's StackedConvLayers with two
 * ConvDropoutNormNonlin (dropout p = 0, so absent). The first conv may have stride 2: nnU-Net downsamples
 * by strided convolution, not pooling.
 */
public final class ConvStage extends Layer {
    private static final float NEGATIVE_SLOPE = 0.01f;

    private final Conv2d conv1;
    private final Layer norm1;
    private final Conv2d conv2;
    private final Layer norm2;

    public ConvStage(int inChannels, int outChannels, int firstStride, NormType norm, Random init) {
        this.conv1 = registerModule("conv1", new Conv2d(inChannels, outChannels, 3, firstStride, 1, 1, true, init));
        this.norm1 = registerModule("norm1", norm.create(outChannels));
        this.conv2 = registerModule("conv2", new Conv2d(outChannels, outChannels, 3, 1, 1, 1, true, init));
        this.norm2 = registerModule("norm2", norm.create(outChannels));
    }

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = norm1.forward(conv1.forward(x)).leakyRelu(NEGATIVE_SLOPE);
        return norm2.forward(conv2.forward(h)).leakyRelu(NEGATIVE_SLOPE);
    }
}
