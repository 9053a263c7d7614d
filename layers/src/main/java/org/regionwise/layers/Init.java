package org.regionwise.layers;

import java.util.Random;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * Weight initialisation. nnU-Net's {@code InitWeights_He(1e-2)} is {@code kaiming_normal_(w, a=1e-2)} on every
 * convolution and transposed convolution weight, biases set to zero: std = sqrt(2 / ((1 + a^2) fan_in)).
 */
public final class Init {
    /** nnU-Net's negative slope for He initialisation (and its LeakyReLU slope). */
    public static final double NNUNET_NEGATIVE_SLOPE = 1e-2;

    private Init() {}

    /**
     * PyTorch's fan-in of a weight: {@code shape[1]} times the receptive field (product of the axes after
     * the second). For a convolution (out, in, kh, kw) that is in*kh*kw; for a transposed convolution
     * (in, out, kh, kw) it is out*kh*kw, which is what {@code kaiming_normal_} uses there too.
     */
    public static int fanIn(int[] shape) {
        if (shape.length < 2) throw new IllegalArgumentException("fan in needs at least 2 axes, got " + Shape.str(shape));
        int receptive = 1;
        for (int i = 2; i < shape.length; i++) receptive *= shape[i];
        return shape[1] * receptive;
    }

    /** He (Kaiming) normal values for a weight of {@code shape}, leaky-ReLU gain with negative slope {@code a}. */
    public static Tensor kaimingNormal(Random random, double a, int... shape) {
        double std = Math.sqrt(2.0 / ((1 + a * a) * fanIn(shape)));
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) (std * random.nextGaussian());
        return Tensor.of(d, shape);
    }
}
