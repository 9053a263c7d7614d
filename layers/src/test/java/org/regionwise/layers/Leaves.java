package org.regionwise.layers;

import java.util.Random;
import org.regionwise.autodiff.Tensor;

/** Random leaf tensors for gradient checks (the layers module's twin of autodiff's TestTensors). */
public final class Leaves {
    private Leaves() {}

    /** Uniform values in [-2, 2) that require grad. */
    public static Tensor uniform(Random random, int... shape) {
        return Tensor.uniform(random, -2f, 2f, shape).requiresGrad(true);
    }

    /** Values with |x| in [0.1, 2): far enough from the kink of (leaky) ReLU for finite differences. */
    public static Tensor awayFromZero(Random random, int... shape) {
        Tensor t = Tensor.uniform(random, 0.1f, 2f, shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) if (random.nextBoolean()) d[i] = -d[i];
        return t.requiresGrad(true);
    }
}
