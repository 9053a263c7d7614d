package org.regionwise.layers.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.check.GradientCheck;
import org.regionwise.layers.Leaves;

/** The fused norms against finite differences and against a direct double-precision reference. */
class NormGradientProperties {

    @Property(tries = 40)
    void instanceNormGradients(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 3) int c,
                               @ForAll @IntRange(min = 2, max = 4) int h, @ForAll @IntRange(min = 3, max = 4) int w,
                               @ForAll boolean affine, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = Leaves.uniform(r, n, c, h, w);
        Tensor gamma = Tensor.uniform(r, 0.5f, 1.5f, c).requiresGrad(true);
        Tensor beta = Leaves.uniform(r, c);
        if (affine) {
            GradientCheck.assertGradients(t -> InstanceNormOp.apply(t[0], t[1], t[2], 1e-5), x, gamma, beta);
        } else {
            GradientCheck.assertGradients(t -> InstanceNormOp.apply(t[0], null, null, 1e-5), x);
        }
    }

    @Property(tries = 40)
    void batchNormTrainingGradients(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 3) int c,
                                    @ForAll @IntRange(min = 2, max = 3) int h, @ForAll @IntRange(min = 2, max = 3) int w,
                                    @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = Leaves.uniform(r, n, c, h, w);
        Tensor gamma = Tensor.uniform(r, 0.5f, 1.5f, c).requiresGrad(true);
        Tensor beta = Leaves.uniform(r, c);
        GradientCheck.assertGradients(t -> BatchNormOp.training(t[0], t[1], t[2], 1e-5).output(), x, gamma, beta);
    }

    @Property(tries = 20)
    void batchNormEvaluationGradients(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 3) int c,
                                      @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = Leaves.uniform(r, n, c, 2, 3);
        Tensor gamma = Tensor.uniform(r, 0.5f, 1.5f, c).requiresGrad(true);
        Tensor beta = Leaves.uniform(r, c);
        float[] mean = Tensor.uniform(r, -1f, 1f, c).data();
        float[] var = Tensor.uniform(r, 0.5f, 2f, c).data();
        GradientCheck.assertGradients(t -> BatchNormOp.evaluation(t[0], mean, var, t[1], t[2], 1e-5), x, gamma, beta);
    }

    @Property(tries = 30)
    void instanceNormMatchesDoubleReference(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 1, max = 3) int c,
                                            @ForAll @IntRange(min = 1, max = 9) int h, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = Tensor.randn(r, n, c, h, h + 1).mul(3f).add(5f);
        Tensor gamma = Tensor.randn(r, c);
        Tensor beta = Tensor.randn(r, c);
        float[] y = InstanceNormOp.apply(x, gamma, beta, 1e-5).data();
        float[] xs = x.data();
        int plane = h * (h + 1);
        for (int i = 0; i < n * c; i++) {
            double mean = 0;
            for (int j = 0; j < plane; j++) mean += xs[i * plane + j];
            mean /= plane;
            double var = 0;
            for (int j = 0; j < plane; j++) var += (xs[i * plane + j] - mean) * (xs[i * plane + j] - mean);
            var /= plane; // biased, as PyTorch
            for (int j = 0; j < plane; j++) {
                double expected = (xs[i * plane + j] - mean) / Math.sqrt(var + 1e-5) * gamma.data()[i % c] + beta.data()[i % c];
                assertEquals(expected, y[i * plane + j], 1e-4 * (1 + Math.abs(expected)));
            }
        }
    }

    @Test
    void largeTensorsTakeTheThreadedPathAndAgreeWithTheReference() {
        // 2 x 3 x 128 x 128 = 98304 elements: above the threshold where planes are split across threads.
        Random r = new Random(7);
        int n = 2, c = 3, plane = 128 * 128;
        Tensor x = Tensor.randn(r, n, c, 128, 128).add(2f).requiresGrad(true);
        Tensor gamma = Tensor.uniform(r, 0.5f, 1.5f, c).requiresGrad(true);
        Tensor beta = Tensor.randn(r, c).requiresGrad(true);
        float[] seed = Tensor.randn(r, n, c, 128, 128).data();
        Tensor y = InstanceNormOp.apply(x, gamma, beta, 1e-5);
        y.backward(seed);
        float[] xs = x.data();
        for (int ch = 0; ch < c; ch++) {
            double dGamma = 0, dBeta = 0;
            for (int s = 0; s < n; s++) {
                int base = (s * c + ch) * plane;
                double mean = 0, var = 0;
                for (int j = 0; j < plane; j++) mean += xs[base + j];
                mean /= plane;
                for (int j = 0; j < plane; j++) var += (xs[base + j] - mean) * (xs[base + j] - mean);
                double invStd = 1 / Math.sqrt(var / plane + 1e-5);
                for (int j = 0; j < plane; j += 97) {
                    double expected = (xs[base + j] - mean) * invStd * gamma.data()[ch] + beta.data()[ch];
                    assertEquals(expected, y.data()[base + j], 1e-4 * (1 + Math.abs(expected)));
                }
                for (int j = 0; j < plane; j++) {
                    dGamma += seed[base + j] * (xs[base + j] - mean) * invStd;
                    dBeta += seed[base + j];
                }
            }
            assertEquals(dGamma, gamma.grad().data()[ch], 1e-3 * (1 + Math.abs(dGamma)));
            assertEquals(dBeta, beta.grad().data()[ch], 1e-3 * (1 + Math.abs(dBeta)));
        }
        // The input gradient of a normalised plane sums to zero (the mean was subtracted).
        double gxSum = 0;
        for (int j = 0; j < plane; j++) gxSum += x.grad().data()[j];
        assertEquals(0, gxSum, 1e-2);
    }

    @Test
    void batchNormStatisticsSpanBatchAndSpace() {
        // Channel 0 holds 1, 2 (sample 0) and 3, 4 (sample 1): mean 2.5, biased variance 1.25.
        Tensor x = Tensor.of(new float[] {1, 2, 9, 9, 3, 4, 9, 9}, 2, 2, 1, 2);
        BatchNormOp.Result r = BatchNormOp.training(x, null, null, 0);
        assertEquals(2.5f, r.batchMean().data()[0]);
        assertEquals(1.25f, r.batchVar().data()[0]);
        assertEquals(0f, r.batchVar().data()[1]);
        float inv = (float) (1 / Math.sqrt(1.25));
        assertEquals(-1.5f * inv, r.output().data()[0], 1e-6f);
        assertEquals(1.5f * inv, r.output().data()[5], 1e-6f);
    }

    @Test
    void errorsNameTheShapes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> InstanceNormOp.apply(Tensor.zeros(1, 3, 2, 2), Tensor.ones(2), Tensor.zeros(2), 1e-5));
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("[1, 3, 2, 2]"), e.getMessage());
        var single = assertThrows(IllegalArgumentException.class,
                () -> BatchNormOp.training(Tensor.zeros(1, 2, 1, 1), null, null, 1e-5));
        assertTrue(single.getMessage().contains("more than 1 value per channel"), single.getMessage());
    }
}
