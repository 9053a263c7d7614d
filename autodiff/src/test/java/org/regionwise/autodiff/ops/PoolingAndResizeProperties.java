package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;
import org.regionwise.autodiff.check.GradientCheck;

/** Max/average pooling and nearest-neighbour resize: gradient checks and forward values. */
class PoolingAndResizeProperties {

    @Property(tries = 50)
    void poolGradients(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 2) int c,
                       @ForAll @IntRange(min = 2, max = 6) int h, @ForAll @IntRange(min = 2, max = 6) int w,
                       @ForAll @IntRange(min = 1, max = 3) int kernel, @ForAll @IntRange(min = 1, max = 2) int stride,
                       @ForAll @IntRange(min = 0, max = 1) int pad, @ForAll long seed) {
        Assume.that(2 * pad <= kernel && kernel <= Math.min(h, w) + 2 * pad);
        Random r = new Random(seed);
        GradientCheck.assertGradients(t -> Functional.maxPool2d(t[0], kernel, stride, pad), TestTensors.distinct(r, n, c, h, w));
        GradientCheck.assertGradients(t -> Functional.avgPool2d(t[0], kernel, stride, pad), TestTensors.leaf(r, n, c, h, w));
    }

    @Property(tries = 40)
    void resizeNearestGradients(@ForAll @IntRange(min = 1, max = 5) int h, @ForAll @IntRange(min = 1, max = 5) int w,
                                @ForAll @IntRange(min = 1, max = 8) int outH, @ForAll @IntRange(min = 1, max = 8) int outW,
                                @ForAll long seed) {
        Random r = new Random(seed);
        GradientCheck.assertGradients(t -> Functional.resizeNearest(t[0], outH, outW), TestTensors.leaf(r, 1, 2, h, w));
    }

    @Test
    void poolValues() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 1, 4, 4);
        assertArrayEquals(new float[] {6, 8, 14, 16}, Functional.maxPool2d(x, 2, 2, 0).toArray());
        assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f}, Functional.avgPool2d(x, 2, 2, 0).toArray());
    }

    @Test
    void labelDownsamplingTakesTheTopLeftOfEachBlock() {
        int[] labels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        assertArrayEquals(new int[] {0, 2, 8, 10}, Functional.resizeLabels(labels, 1, 4, 4, 2, 2));
        Tensor up = Functional.resizeNearest(Tensor.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2), 4, 4);
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, up.toArray());
    }
}
