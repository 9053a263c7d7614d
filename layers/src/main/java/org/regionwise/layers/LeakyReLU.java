package org.regionwise.layers;

import org.regionwise.autodiff.Tensor;

/** {@code x > 0 ? x : negativeSlope * x}, PyTorch's {@code nn.LeakyReLU} (default slope 0.01, nnU-Net's). */
public final class LeakyReLU extends Layer {
    private final float negativeSlope;

    public LeakyReLU() {
        this(0.01f);
    }

    public LeakyReLU(float negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.leakyRelu(negativeSlope);
    }
}
