package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import java.util.function.BiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.check.GradientCheck;

/**
 * A tensor with a scalar operand ({@code x.add(c)}, {@code sub}, {@code mul}, {@code div}) is a pointwise op; it
 * must give the same bits, value and gradient, as the broadcast binary op with a scalar tensor it replaced, and
 * pass the finite-difference check.
 */
class ScalarOperandProperties {

    @Property(tries = 60)
    void scalarOpsEqualTheBroadcastScalarTensorBitForBit(@ForAll @IntRange(min = 1, max = 40) int size,
                                                         @ForAll @FloatRange(min = -5f, max = 5f) float c,
                                                         @ForAll long seed) {
        float operand = Math.abs(c) < 0.1f ? 0.5f : c;
        check(size, seed, x -> x.add(operand), x -> x.add(Tensor.scalar(operand)));
        check(size, seed, x -> x.sub(operand), x -> x.sub(Tensor.scalar(operand)));
        check(size, seed, x -> x.mul(operand), x -> x.mul(Tensor.scalar(operand)));
        check(size, seed, x -> x.div(operand), x -> x.div(Tensor.scalar(operand)));
    }

    @Property(tries = 20)
    void scalarOpsPassTheGradientCheck(@ForAll @IntRange(min = 1, max = 10) int size, @ForAll long seed) {
        Random r = new Random(seed);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (float) r.nextGaussian();
        Tensor x = Tensor.of(v, size).requiresGrad(true);
        GradientCheck.assertGradients(t -> t[0].add(0.7f).mul(-1.3f).sub(0.2f).div(2.5f), x);
    }

    private static void check(int size, long seed, java.util.function.Function<Tensor, Tensor> scalarOp,
                              java.util.function.Function<Tensor, Tensor> tensorOp) {
        Random r = new Random(seed);
        float[] v = new float[size];
        float[] g = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextGaussian() * 3;
            g[i] = (float) r.nextGaussian();
        }
        BiFunction<java.util.function.Function<Tensor, Tensor>, float[], float[][]> run = (op, seedGrad) -> {
            Tensor x = Tensor.of(v.clone(), size).requiresGrad(true);
            Tensor y = op.apply(x);
            y.backward(seedGrad.clone());
            return new float[][] {y.toArray(), x.grad().toArray()};
        };
        float[][] a = run.apply(scalarOp, g);
        float[][] b = run.apply(tensorOp, g);
        assertArrayEquals(b[0], a[0], 0f, "value");
        assertArrayEquals(b[1], a[1], 0f, "gradient");
    }
}
