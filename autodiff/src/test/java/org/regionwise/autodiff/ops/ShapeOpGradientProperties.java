package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;
import org.regionwise.autodiff.check.GradientCheck;

/** Gradient checks of reshape, permute, transpose, slice and concat, and their forward values. */
class ShapeOpGradientProperties {

    @Property(tries = 50)
    void reshapePermuteTranspose(@ForAll @IntRange(min = 1, max = 4) int d0, @ForAll @IntRange(min = 1, max = 4) int d1,
                                 @ForAll @IntRange(min = 1, max = 4) int d2, @ForAll @IntRange(min = 0, max = 5) int perm,
                                 @ForAll long seed) {
        Random r = new Random(seed);
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        Tensor x = TestTensors.leaf(r, d0, d1, d2);
        GradientCheck.assertGradients(t -> t[0].reshape(d2, -1).mul(t[0].reshape(d2, d0 * d1)), x);
        GradientCheck.assertGradients(t -> t[0].permute(orders[perm]), x);
        GradientCheck.assertGradients(t -> t[0].transpose(0, -1), x);
    }

    @Property(tries = 50)
    void sliceAndConcat(@ForAll @IntRange(min = 1, max = 4) int d0, @ForAll @IntRange(min = 2, max = 5) int d1,
                        @ForAll @IntRange(min = 1, max = 3) int extra, @ForAll @IntRange(min = 0, max = 1) int axis,
                        @ForAll long seed) {
        Random r = new Random(seed);
        int[] shapeA = {d0, d1};
        int[] shapeB = axis == 0 ? new int[] {extra, d1} : new int[] {d0, extra};
        Tensor a = TestTensors.leaf(r, shapeA);
        Tensor b = TestTensors.leaf(r, shapeB);
        GradientCheck.assertGradients(t -> Tensor.concat(axis, t[0], t[1], t[0]), a, b);
        GradientCheck.assertGradients(t -> t[0].slice(1, 1, d1), a);
    }

    @Test
    void reshapeSharesStorage() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertSame(x.data(), x.reshape(3, 2).data());
        assertArrayEquals(new int[] {6}, x.reshape(-1).shape());
    }

    @Test
    void forwardValues() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, x.transpose(0, 1).toArray());
        assertArrayEquals(new float[] {2, 3, 5, 6}, x.slice(1, 1, 3).toArray());
        assertArrayEquals(new float[] {1, 2, 3, 1, 4, 5, 6, 4}, Tensor.concat(1, x, x.slice(1, 0, 1)).toArray());
    }
}
