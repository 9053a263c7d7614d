package org.regionwise.layers;

import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.check.GradientCheck;

/**
 * Every layer against finite differences, through its own parameters: the checker perturbs the layer's
 * weight and bias tensors in place, so the closure only needs to call forward.
 */
class LayerGradientProperties {

    @Property(tries = 25)
    void conv2d(@ForAll @IntRange(min = 1, max = 2) int cin, @ForAll @IntRange(min = 1, max = 3) int cout,
                @ForAll @IntRange(min = 1, max = 3) int kernel, @ForAll @IntRange(min = 1, max = 2) int stride,
                @ForAll @IntRange(min = 0, max = 1) int padding, @ForAll @IntRange(min = 1, max = 2) int dilation,
                @ForAll boolean bias, @ForAll long seed) {
        Assume.that(dilation * (kernel - 1) + 1 <= 5 + 2 * padding);
        Random r = new Random(seed);
        Conv2d conv = new Conv2d(cin, cout, kernel, stride, padding, dilation, bias, r);
        Tensor x = Leaves.uniform(r, 1, cin, 5, 5);
        if (bias) {
            GradientCheck.assertGradients(t -> conv.forward(t[0]), x, conv.weight(), conv.bias());
        } else {
            GradientCheck.assertGradients(t -> conv.forward(t[0]), x, conv.weight());
        }
    }

    @Property(tries = 20)
    void convTranspose2d(@ForAll @IntRange(min = 1, max = 3) int cin, @ForAll @IntRange(min = 1, max = 3) int cout,
                         @ForAll @IntRange(min = 1, max = 3) int kernel, @ForAll @IntRange(min = 1, max = 2) int stride,
                         @ForAll boolean bias, @ForAll long seed) {
        Random r = new Random(seed);
        ConvTranspose2d up = new ConvTranspose2d(cin, cout, kernel, stride, 0, 0, bias, r);
        Tensor x = Leaves.uniform(r, 2, cin, 3, 2);
        if (bias) {
            GradientCheck.assertGradients(t -> up.forward(t[0]), x, up.weight(), up.bias());
        } else {
            GradientCheck.assertGradients(t -> up.forward(t[0]), x, up.weight());
        }
    }

    @Property(tries = 20)
    void instanceNorm2dLayer(@ForAll @IntRange(min = 1, max = 3) int c, @ForAll long seed) {
        Random r = new Random(seed);
        InstanceNorm2d norm = new InstanceNorm2d(c, true);
        // Perturb the affine parameters away from (1, 0) so their gradients are generic.
        norm.namedParameters().values().forEach(p -> { float[] d = p.data(); for (int i = 0; i < d.length; i++) d[i] += 0.3f * (float) r.nextGaussian(); });
        Tensor x = Leaves.uniform(r, 2, c, 3, 3);
        Tensor[] ps = norm.parameters().toArray(new Tensor[0]);
        GradientCheck.assertGradients(t -> norm.forward(t[0]), x, ps[0], ps[1]);
    }

    @Property(tries = 20)
    void batchNorm2dLayerInTrainingMode(@ForAll @IntRange(min = 1, max = 3) int c, @ForAll long seed) {
        Random r = new Random(seed);
        BatchNorm2d norm = new BatchNorm2d(c);
        norm.train();
        Tensor x = Leaves.uniform(r, 2, c, 2, 3);
        Tensor[] ps = norm.parameters().toArray(new Tensor[0]);
        GradientCheck.assertGradients(t -> norm.forward(t[0]), x, ps[0], ps[1]);
    }

    @Property(tries = 20)
    void leakyReluAndRelu(@ForAll @IntRange(min = 1, max = 4) int h, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = Leaves.awayFromZero(r, 1, 2, h, 3);
        LeakyReLU leaky = new LeakyReLU(0.01f);
        GradientCheck.assertGradients(t -> leaky.forward(t[0]), x);
        ReLU relu = new ReLU();
        GradientCheck.assertGradients(t -> relu.forward(t[0]), x);
    }

    @Property(tries = 20)
    void dropoutWithAFixedMask(@ForAll @IntRange(min = 1, max = 4) int h, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = Leaves.uniform(r, 2, 3, h, 2);
        Tensor mask = Dropout.sampleMask(r, 0.3, x.shape());
        GradientCheck.assertGradients(t -> Dropout.applyMask(t[0], mask), x);
    }

    /**
     * conv -> norm -> LeakyReLU twice, all parameters at once. Fixed seeds, not random ones: a random
     * composition occasionally puts a LeakyReLU input within a finite-difference step of its kink, where the
     * numeric derivative is wrong, not the analytic one (seen: input 0.0014 away; the numeric value converges
     * to the analytic one as the step shrinks). Each layer is checked on random inputs above.
     */
    @org.junit.jupiter.api.Test
    void convStageEndToEnd() {
        for (NormType norm : NormType.values()) {
            for (long seed = 10; seed < 13; seed++) {
                Random r = new Random(seed);
                ConvStage stage = new ConvStage(2, 3, 2, norm, r);
                Tensor x = Leaves.uniform(r, 2, 2, 6, 6);
                Tensor[] all = new Tensor[1 + stage.parameters().size()];
                all[0] = x;
                for (int i = 1; i < all.length; i++) all[i] = stage.parameters().get(i - 1);
                // 3x3 planes after the stride: 2x2 planes make instance norm ill-conditioned for differences.
                GradientCheck.assertGradients(GradientCheck.Options.defaults().withEps(1e-3), t -> stage.forward(t[0]), all);
            }
        }
    }
}
