package org.regionwise.autodiff.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;

/** The harness must catch a wrong backward, not just pass correct ones. */
class GradientCheckTest {

    /** Square with a deliberately wrong backward: 3x instead of 2x. */
    static final class WrongSquare extends Function {
        WrongSquare(Tensor x) {
            super(x);
        }

        static Tensor apply(Tensor x) {
            float[] in = x.data();
            float[] out = new float[in.length];
            for (int i = 0; i < in.length; i++) out[i] = in[i] * in[i];
            return Tensor.fromOp(new WrongSquare(x), out, x.shape());
        }

        @Override
        protected void backward(float[] g) {
            float[] gx = gradOf(0);
            float[] in = input(0).data();
            for (int i = 0; i < g.length; i++) gx[i] += g[i] * 3f * in[i];
        }
    }

    /** Sign error in one partial derivative of a two-input op. */
    static final class SignFlippedSub extends Function {
        SignFlippedSub(Tensor a, Tensor b) {
            super(a, b);
        }

        static Tensor apply(Tensor a, Tensor b) {
            float[] x = a.data();
            float[] y = b.data();
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) out[i] = x[i] - y[i];
            return Tensor.fromOp(new SignFlippedSub(a, b), out, a.shape());
        }

        @Override
        protected void backward(float[] g) {
            for (int i = 0; i < g.length; i++) {
                gradOf(0)[i] += g[i];
                gradOf(1)[i] += g[i]; // wrong: should be -g
            }
        }
    }

    @Property(tries = 30)
    void wrongGradientIsCaught(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
        Tensor x = TestTensors.awayFromZero(new Random(seed), n);
        GradientCheck.Result r = GradientCheck.check(GradientCheck.Options.defaults(), t -> WrongSquare.apply(t[0]), x);
        assertFalse(r.ok(), "harness accepted a wrong gradient: " + r);
        assertThrows(AssertionError.class, () -> GradientCheck.assertGradients(t -> WrongSquare.apply(t[0]), x));
    }

    @Property(tries = 30)
    void signErrorInSecondInputIsCaught(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor a = TestTensors.leaf(r, n);
        Tensor b = TestTensors.leaf(r, n);
        GradientCheck.Result result = GradientCheck.check(GradientCheck.Options.defaults(), t -> SignFlippedSub.apply(t[0], t[1]), a, b);
        assertFalse(result.ok());
        assertTrue(result.input() == 1, result.toString());
    }

    @Property(tries = 30)
    void correctGradientPasses(@ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
        Tensor x = TestTensors.leaf(new Random(seed), n);
        assertTrue(GradientCheck.check(GradientCheck.Options.defaults(), t -> t[0].mul(t[0]), x).ok());
    }
}
