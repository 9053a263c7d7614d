package org.regionwise.layers;

import org.regionwise.autodiff.Tensor;

/** {@code max(x, 0)}, PyTorch's {@code nn.ReLU}. */
public final class ReLU extends Layer {
    @Override
    public Tensor forward(Tensor x) {
        return x.relu();
    }
}
