package org.regionwise.autodiff;

import java.util.Random;

/** Random test tensors that require grad, with values kept where finite differences are meaningful. */
public final class TestTensors {
    private TestTensors() {}

    /** Uniform values in [-2, 2). */
    public static Tensor leaf(Random random, int... shape) {
        return Tensor.uniform(random, -2f, 2f, shape).requiresGrad(true);
    }

    /** Uniform values in [lo, hi). */
    public static Tensor leaf(Random random, float lo, float hi, int... shape) {
        return Tensor.uniform(random, lo, hi, shape).requiresGrad(true);
    }

    /** Values with |x| in [0.1, 2): at least 10 finite-difference steps from a kink at 0. */
    public static Tensor awayFromZero(Random random, int... shape) {
        Tensor t = Tensor.uniform(random, 0.1f, 2f, shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) if (random.nextBoolean()) d[i] = -d[i];
        return t.requiresGrad(true);
    }

    /** Distinct values 0.1 apart in random order, so max-like ops have one clear winner per window. */
    public static Tensor distinct(Random random, int... shape) {
        int n = Shape.numel(shape);
        float[] d = new float[n];
        for (int i = 0; i < n; i++) d[i] = 0.1f * (i - n / 2);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        return Tensor.of(d, shape).requiresGrad(true);
    }
}
