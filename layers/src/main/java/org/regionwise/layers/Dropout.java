package org.regionwise.layers;

import java.util.Random;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * Inverted dropout, PyTorch's {@code nn.Dropout}: in training each element is zeroed with probability
 * {@code p} and the survivors are scaled by 1 / (1 - p), so evaluation (identity) needs no rescaling.
 * Masks come from the {@link Random} given at construction, so a seeded generator reproduces a run.
 * The op is the product with the mask, so its gradient is the same mask.
 */
public final class Dropout extends Layer {
    private final double p;
    private final Random random;

    public Dropout(double p, Random random) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("Dropout: probability must be in [0, 1], got " + p);
        this.p = p;
        this.random = random;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0) return x;
        return applyMask(x, sampleMask(random, p, x.shape()));
    }

    /** A mask of {@code shape}: 0 with probability p, else 1 / (1 - p) (all zeros when p = 1). */
    public static Tensor sampleMask(Random random, double p, int... shape) {
        float keep = p >= 1 ? 0f : (float) (1.0 / (1.0 - p));
        float[] m = new float[Shape.numel(shape)];
        for (int i = 0; i < m.length; i++) m[i] = random.nextDouble() < p ? 0f : keep;
        return Tensor.of(m, shape);
    }

    /** {@code x * mask}: dropout with a given (already scaled) mask. */
    public static Tensor applyMask(Tensor x, Tensor mask) {
        return x.mul(mask);
    }

    public double p() {
        return p;
    }
}
