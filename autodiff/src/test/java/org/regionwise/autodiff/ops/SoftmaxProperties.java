package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;
import org.regionwise.autodiff.check.GradientCheck;

/** Softmax and log-softmax: gradient checks on every axis, normalisation, and stability at huge logits. */
class SoftmaxProperties {

    @Property(tries = 60)
    void gradientsOnAnyAxis(@ForAll @IntRange(min = 1, max = 3) int d0, @ForAll @IntRange(min = 1, max = 5) int d1,
                            @ForAll @IntRange(min = 1, max = 3) int d2, @ForAll @IntRange(min = 0, max = 2) int axis,
                            @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = TestTensors.leaf(r, d0, d1, d2);
        GradientCheck.assertGradients(t -> t[0].softmax(axis), x);
        GradientCheck.assertGradients(t -> t[0].logSoftmax(axis), x);
    }

    @Property(tries = 60)
    void softmaxSumsToOneAndMatchesExpOfLogSoftmax(@ForAll @IntRange(min = 1, max = 8) int c, @ForAll long seed) {
        Tensor x = Tensor.randn(new Random(seed), 3, c).mul(10f);
        float[] s = x.softmax(1).data();
        float[] ls = x.logSoftmax(1).data();
        for (int row = 0; row < 3; row++) {
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += s[row * c + j];
                assertEquals(Math.exp(ls[row * c + j]), s[row * c + j], 1e-6);
            }
            assertEquals(1.0, sum, 1e-5);
        }
    }

    @Test
    void hugeLogitsStayFinite() {
        Tensor x = Tensor.of(new float[] {1000f, -1000f, 0f, 3e38f}, 1, 4).requiresGrad(true);
        Tensor ls = x.logSoftmax(1);
        for (float v : ls.data()) assertTrue(Float.isFinite(v), "log-softmax " + v);
        ls.sum().backward();
        for (float v : x.gradBuffer()) assertTrue(Float.isFinite(v), "gradient " + v);
    }
}
