package org.regionwise.tests.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.losses.MapSource;
import org.regionwise.losses.RwGradient;
import org.regionwise.losses.RwLoss;
import org.regionwise.losses.Target;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;

/**
 * SPEC.md section 1: the autodiff gradient of the RW loss equals the closed form
 * {@code s_j (z_j - sum_k s_k z_k)} divided by {@code B C N} (the mean over batch, classes and pixels), for
 * the fused loss and for its twin composed from softmax, multiply and mean, with every map kind.
 */
class RwGradientAgreementProperties {

    @Provide
    Arbitrary<MapKind> kinds() {
        return Arbitraries.of(MapKind.values());
    }

    @Property(tries = 200)
    void autodiffGradientIsTheClosedForm(@ForAll("kinds") MapKind kind, @ForAll @IntRange(min = 2, max = 6) int classes,
                                         @ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 1, max = 7) int h,
                                         @ForAll @IntRange(min = 1, max = 7) int w, @ForAll long seed) {
        Random r = new Random(seed);
        int[] labels = new int[batch * h * w];
        for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(classes);
        float[] weights = new float[classes];
        for (int k = 0; k < classes; k++) weights[k] = 2 * r.nextFloat();
        Target target = Target.builder(labels, batch, h, w, classes)
                .mapOptions(MapOptions.defaults().withClassWeights(weights)).build();
        float[] z = target.map(kind);
        Tensor x = Tensor.uniform(r, -6f, 6f, batch, classes, h, w).requiresGrad(true);

        float[] s = x.detach().softmax(1).data();
        float[] closed = RwGradient.closedFormBatch(s, z, batch, classes, h * w);
        double bcn = (double) batch * classes * h * w;

        RwLoss.of(MapSource.of(kind)).forward(x, target).backward();
        float[] fused = x.gradBuffer().clone();
        x.zeroGrad();
        RwLoss.composed(x, Tensor.of(z, batch, classes, h, w), false).backward();
        float[] composed = x.gradBuffer();
        double scale = maxAbs(z) + 1;
        for (int i = 0; i < closed.length; i++) {
            double expected = closed[i] / bcn;
            assertEquals(expected, fused[i], 1e-6 * scale / bcn, "fused, element " + i);
            assertEquals(expected, composed[i], 1e-6 * scale / bcn, "composed, element " + i);
        }
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float f : v) m = Math.max(m, Math.abs(f));
        return m;
    }
}
