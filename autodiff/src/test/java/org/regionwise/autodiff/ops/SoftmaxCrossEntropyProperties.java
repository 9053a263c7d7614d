package org.regionwise.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.TestTensors;
import org.regionwise.autodiff.check.GradientCheck;

/**
 * The fused softmax cross entropy: finite-difference gradients for soft and hard targets, agreement with
 * the unfused formula {@code -mean(sum_k target_k * logSoftmax_k)}, and a finite loss and gradient at
 * logits far apart.
 */
class SoftmaxCrossEntropyProperties {

    @Property(tries = 60)
    void gradientMatchesFiniteDifferences(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                          @ForAll @IntRange(min = 1, max = 3) int h, @ForAll @IntRange(min = 1, max = 3) int w,
                                          @ForAll boolean hardTarget, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor logits = TestTensors.leaf(r, n, c, h, w);
        Tensor target = target(r, hardTarget, n, c, h, w);
        GradientCheck.assertGradients(t -> Functional.softmaxCrossEntropy(t[0], target), logits);
    }

    @Property(tries = 60)
    void equalsTheUnfusedFormula(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 6) int c,
                                 @ForAll @IntRange(min = 1, max = 9) int pixels, @ForAll boolean hardTarget, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor a = Tensor.randn(r, n, c, pixels).mul(5f).detach().requiresGrad(true);
        Tensor b = a.copy().requiresGrad(true);
        Tensor target = target(r, hardTarget, n, c, pixels);
        Tensor fused = Functional.softmaxCrossEntropy(a, target);
        Tensor unfused = b.logSoftmax(1).mul(target).sum(1, false).mean().neg();
        assertEquals(unfused.item(), fused.item(), 1e-5 * Math.max(1, Math.abs(unfused.item())));
        fused.backward();
        unfused.backward();
        float[] ga = a.gradBuffer();
        float[] gb = b.gradBuffer();
        for (int i = 0; i < ga.length; i++) assertEquals(gb[i], ga[i], 1e-6, "gradient element " + i);
    }

    @Test
    void logitsFarApartGiveAFiniteLossAndGradient() {
        // Sample 0: the true class is 1e4 below the other, so its loss is 1e4, not Infinity. Sample 1: a
        // logit of 3e38 on the true class, where exp() of the unshifted logits would overflow; its loss is 0.
        Tensor logits = Tensor.of(new float[] {-1e4f, 0f, 3e38f, 0f}, 2, 2, 1).requiresGrad(true);
        Tensor target = Tensor.of(new float[] {1f, 0f, 1f, 0f}, 2, 2, 1);
        Tensor loss = Functional.softmaxCrossEntropy(logits, target);
        assertEquals(1e4 / 2, loss.item(), 1e-2);
        loss.backward();
        for (float g : logits.gradBuffer()) assertTrue(Float.isFinite(g), "gradient " + g);
    }

    @Test
    void badShapesAndATargetThatRequiresGradAreRejected() {
        Tensor logits = Tensor.zeros(2, 3, 4).requiresGrad(true);
        var e = assertThrows(IllegalArgumentException.class, () -> Functional.softmaxCrossEntropy(logits, Tensor.zeros(2, 4, 3)));
        assertTrue(e.getMessage().contains("[2, 3, 4]") && e.getMessage().contains("[2, 4, 3]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Functional.softmaxCrossEntropy(logits, Tensor.zeros(2, 3, 4).requiresGrad(true)));
    }

    /** One-hot (hard) or random non-negative weights that need not sum to one (soft). */
    private static Tensor target(Random r, boolean hard, int... shape) {
        int n = shape[0];
        int c = shape[1];
        int plane = Tensor.zeros(shape).numel() / (n * c);
        float[] t = new float[n * c * plane];
        for (int b = 0; b < n; b++) {
            for (int p = 0; p < plane; p++) {
                int label = r.nextInt(c);
                for (int k = 0; k < c; k++) {
                    t[(b * c + k) * plane + p] = hard ? (k == label ? 1f : 0f) : r.nextFloat();
                }
            }
        }
        return Tensor.of(t, shape);
    }
}
