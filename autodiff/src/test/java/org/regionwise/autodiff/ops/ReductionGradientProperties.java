package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** Gradient checks of sum, mean and max over any subset of axes, with and without kept dimensions. */
class ReductionGradientProperties {

    @Property(tries = 80)
    void sumMeanMaxOverAxes(@ForAll @IntRange(min = 1, max = 4) int d0, @ForAll @IntRange(min = 1, max = 4) int d1,
                            @ForAll @IntRange(min = 1, max = 4) int d2, @ForAll @IntRange(min = 1, max = 7) int axisMask,
                            @ForAll boolean keepDim, @ForAll long seed) {
        Random r = new Random(seed);
        int[] axes = java.util.stream.IntStream.range(0, 3).filter(a -> (axisMask >> a & 1) == 1).toArray();
        GradientCheck.assertGradients(x -> x[0].sum(axes, keepDim), TestTensors.leaf(r, d0, d1, d2));
        GradientCheck.assertGradients(x -> x[0].mean(axes, keepDim), TestTensors.leaf(r, d0, d1, d2));
        GradientCheck.assertGradients(x -> x[0].max(axes, keepDim), TestTensors.distinct(r, d0, d1, d2));
    }

    @Test
    void reductionValuesAndShapes() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(21f, x.sum().item());
        assertArrayEquals(new float[] {5, 7, 9}, x.sum(0, false).toArray());
        assertArrayEquals(new int[] {2, 1}, x.mean(1, true).shape());
        assertArrayEquals(new float[] {2, 5}, x.mean(1, true).toArray());
        assertArrayEquals(new float[] {3, 6}, x.max(-1, false).toArray());
        assertEquals(0, x.sum().shape().length);
    }

    @Test
    void maxPropagatesNaNLikePyTorch() {
        Tensor x = Tensor.of(new float[] {1, Float.NaN, 3}, 3);
        assertTrue(Float.isNaN(x.max().item()));
    }
}
