package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;
import org.regionwise.autodiff.check.GradientCheck;

/** conv2d and convTranspose2d: gradient checks over strides, padding, dilation; forward oracles. */
class ConvolutionProperties {

    @Property(tries = 40)
    void conv2dGradients(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 3) int c,
                         @ForAll @IntRange(min = 1, max = 3) int k, @ForAll @IntRange(min = 3, max = 6) int h,
                         @ForAll @IntRange(min = 3, max = 6) int w, @ForAll @IntRange(min = 1, max = 3) int kernel,
                         @ForAll @IntRange(min = 1, max = 2) int stride, @ForAll @IntRange(min = 0, max = 1) int pad,
                         @ForAll @IntRange(min = 1, max = 2) int dil, @ForAll boolean bias, @ForAll long seed) {
        Assume.that(dil * (kernel - 1) + 1 <= Math.min(h, w) + 2 * pad);
        Random r = new Random(seed);
        Tensor x = TestTensors.leaf(r, n, c, h, w);
        Tensor wt = TestTensors.leaf(r, k, c, kernel, kernel);
        Tensor b = TestTensors.leaf(r, k);
        if (bias) {
            GradientCheck.assertGradients(t -> Functional.conv2d(t[0], t[1], t[2], stride, pad, dil), x, wt, b);
        } else {
            GradientCheck.assertGradients(t -> Functional.conv2d(t[0], t[1], null, stride, pad, dil), x, wt);
        }
    }

    @Property(tries = 40)
    void convTranspose2dGradients(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 3) int cin,
                                  @ForAll @IntRange(min = 1, max = 3) int cout, @ForAll @IntRange(min = 1, max = 4) int h,
                                  @ForAll @IntRange(min = 1, max = 4) int w, @ForAll @IntRange(min = 1, max = 3) int kernel,
                                  @ForAll @IntRange(min = 1, max = 2) int stride, @ForAll @IntRange(min = 0, max = 1) int pad,
                                  @ForAll @IntRange(min = 0, max = 1) int outPad, @ForAll long seed) {
        Assume.that(outPad < stride && (h - 1) * stride - 2 * pad + kernel + outPad > 0 && (w - 1) * stride - 2 * pad + kernel + outPad > 0);
        Random r = new Random(seed);
        Tensor x = TestTensors.leaf(r, n, cin, h, w);
        Tensor wt = TestTensors.leaf(r, cin, cout, kernel, kernel);
        Tensor b = TestTensors.leaf(r, cout);
        GradientCheck.assertGradients(t -> Functional.convTranspose2d(t[0], t[1], t[2], stride, pad, outPad, 1), x, wt, b);
    }

    /** <conv(x), y> = <x, convT(y)>: the transposed convolution is the adjoint of the convolution. */
    @Property(tries = 40)
    void transposedConvolutionIsTheAdjoint(@ForAll @IntRange(min = 1, max = 3) int c, @ForAll @IntRange(min = 1, max = 3) int k,
                                           @ForAll @IntRange(min = 3, max = 7) int h, @ForAll @IntRange(min = 1, max = 3) int kernel,
                                           @ForAll @IntRange(min = 1, max = 2) int stride, @ForAll @IntRange(min = 0, max = 1) int pad,
                                           @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = Tensor.randn(r, 1, c, h, h);
        Tensor wt = Tensor.randn(r, k, c, kernel, kernel);
        Tensor y = Functional.conv2d(x, wt, null, stride, pad, 1);
        Tensor probe = Tensor.randn(r, y.shape());
        int outPad = (h + 2 * pad - kernel) % stride;
        Tensor back = Functional.convTranspose2d(probe, wt, null, stride, pad, outPad, 1);
        assertArrayEquals(x.shape(), back.shape());
        double lhs = dot(y.data(), probe.data());
        double rhs = dot(x.data(), back.data());
        assertEquals(lhs, rhs, 1e-3 * (1 + Math.abs(lhs)));
    }

    @Test
    void handComputedConvolution() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor w = Tensor.of(new float[] {1, 0, 0, -1}, 1, 1, 2, 2);
        Tensor b = Tensor.of(new float[] {10}, 1);
        assertArrayEquals(new float[] {6, 6, 6, 6}, Functional.conv2d(x, w, b).toArray());
        // Padding 1, stride 2: three windows see only the -1 tap; the last sees 5 and 9.
        assertArrayEquals(new float[] {-1, -3, -7, -4}, Functional.conv2d(x, w, null, 2, 1, 1).toArray());
    }

    @Test
    void oneByOneConvolutionIsAChannelMatmul() {
        Random r = new Random(3);
        Tensor x = Tensor.randn(r, 1, 3, 2, 2);
        Tensor w = Tensor.randn(r, 4, 3, 1, 1);
        Tensor viaConv = Functional.conv2d(x, w, null);
        Tensor viaMatmul = w.reshape(4, 3).matmul(x.reshape(3, 4));
        float[] a = viaConv.data();
        float[] b = viaMatmul.data();
        for (int i = 0; i < a.length; i++) assertEquals(b[i], a[i], 1e-5);
    }

    @Test
    void mismatchedChannelsNameBothShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Functional.conv2d(Tensor.zeros(1, 3, 5, 5), Tensor.zeros(2, 4, 3, 3), null));
        assertTrue(e.getMessage().contains("[1, 3, 5, 5]") && e.getMessage().contains("[2, 4, 3, 3]"), e.getMessage());
        assertTrue(e.getMessage().startsWith("conv2d"), e.getMessage());
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.zeros(1, 1, 4, 4).requiresGrad(true);
        try (var scope = GradMode.noGrad()) {
            Tensor y = Functional.conv2d(x, Tensor.ones(1, 1, 3, 3), null, 1, 1, 1);
            assertTrue(y.isLeaf() && !y.requiresGrad());
        }
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
