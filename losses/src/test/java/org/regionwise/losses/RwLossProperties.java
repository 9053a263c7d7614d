package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/** The fused RW loss against its composed twin, the closed form, the double reference, and finite differences. */
class RwLossProperties {

    @Property(tries = 60)
    void fusedOpEqualsComposedTwin(@ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 2, max = 6) int classes,
                                   @ForAll @IntRange(min = 1, max = 5) int h, @ForAll @IntRange(min = 1, max = 5) int w,
                                   @ForAll boolean squared, @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = LossFixtures.logits(r, batch, classes, h, w);
        float[] z = Tensor.uniform(r, -3f, 3f, batch, classes, h, w).data();
        Tensor fused = RwFunction.apply(x, z, squared);
        fused.backward();
        float[] fusedGrad = x.gradBuffer().clone();
        x.zeroGrad();
        Tensor composed = RwLoss.composed(x, Tensor.of(z, batch, classes, h, w), squared);
        composed.backward();
        assertEquals(composed.item(), fused.item(), 1e-6);
        assertArrayEquals(x.gradBuffer(), fusedGrad, 1e-6f);
    }

    @Property(tries = 40)
    void gradientIsClosedFormOverBCN(@ForAll @IntRange(min = 1, max = 3) int batch, @ForAll @IntRange(min = 2, max = 6) int classes,
                                     @ForAll @IntRange(min = 1, max = 5) int h, @ForAll @IntRange(min = 1, max = 5) int w,
                                     @ForAll long seed) {
        Random r = new Random(seed);
        Tensor x = LossFixtures.logits(r, batch, classes, h, w);
        float[] z = Tensor.uniform(r, -3f, 3f, batch, classes, h, w).data();
        RwFunction.apply(x, z, false).backward();
        float[] s = x.detach().softmax(1).data();
        float[] closed = RwGradient.closedFormBatch(s, z, batch, classes, h * w);
        float bcn = batch * classes * h * w;
        for (int i = 0; i < closed.length; i++) assertEquals(closed[i] / bcn, x.gradBuffer()[i], 1e-7, "element " + i);
    }

    @Property(tries = 40)
    void valueMatchesDoubleReferenceAndFiniteDifferencesForEveryMapKind(
            @ForAll @IntRange(min = 2, max = 4) int classes, @ForAll boolean squared, @ForAll long seed) {
        Random r = new Random(seed);
        int batch = 2;
        int h = 5;
        int w = 6;
        int[] labels = LossFixtures.regions(r, batch, h, w, classes);
        float[] weights = new float[classes];
        for (int c = 0; c < classes; c++) weights[c] = 0.5f + c;
        Target target = Target.builder(labels, batch, h, w, classes)
                .mapOptions(org.regionwise.maps.MapOptions.defaults().withClassWeights(weights)).build();
        for (MapKind kind : MapKind.values()) {
            RwLoss loss = squared ? RwLoss.squared(MapSource.of(kind)) : RwLoss.of(kind);
            Tensor x = LossFixtures.logits(r, batch, classes, h, w);
            double expected = ReferenceLosses.rw(ReferenceLosses.Batch.of(x.data(), labels, batch, classes, h * w),
                    target.map(kind), squared);
            assertEquals(expected, loss.forward(x, target).item(), 1e-6 * Math.max(1, Math.abs(expected)), kind.cliName());
            if (kind != MapKind.HD) { // HD's d^2 reaches 60 here: fine for the value, too steep for a 5e-3 step
                org.regionwise.autodiff.check.GradientCheck.assertGradients(LossFixtures.GRADIENTS,
                        t -> loss.forward(t[0], target), x);
            }
        }
    }

    @Test
    void perPixelClosedFormsAgree() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int c = 2 + r.nextInt(5);
            double[] s = simplexPoint(r, c);
            double[] z = new double[c];
            for (int k = 0; k < c; k++) z[k] = 4 * r.nextDouble() - 2;
            double[] g = RwGradient.closedForm(s, z);
            double dot = 0;
            for (int k = 0; k < c; k++) dot += s[k] * z[k];
            float[] sf = new float[c];
            float[] zf = new float[c];
            for (int k = 0; k < c; k++) {
                assertEquals(s[k] * (z[k] - dot), g[k], 1e-12, "SPEC's form s_j (z_j - sum s z)");
                sf[k] = (float) s[k];
                zf[k] = (float) z[k];
            }
            float[] pixelMajor = RwGradientForms.closedForm(sf, zf, c);
            float[] batchForm = RwGradient.closedFormBatch(sf, zf, 1, c, 1);
            for (int k = 0; k < c; k++) {
                assertEquals(g[k], pixelMajor[k], 1e-6);
                assertEquals(pixelMajor[k], batchForm[k], 0f);
            }
        }
    }

    @Test
    void squaredClosedFormMatchesAutodiff() {
        Random r = new Random(3);
        Tensor x = LossFixtures.logits(r, 1, 4, 1, 1);
        float[] z = {0.5f, -1f, 2f, 0.25f};
        RwFunction.apply(x, z, true).backward();
        double[] s = new double[4];
        double[] zd = new double[4];
        float[] sf = x.detach().softmax(1).data();
        for (int k = 0; k < 4; k++) {
            s[k] = sf[k];
            zd[k] = z[k];
        }
        double[] g = RwGradient.closedFormSquared(s, zd);
        for (int k = 0; k < 4; k++) assertEquals(g[k] / 4, x.gradBuffer()[k], 1e-7);
    }

    @Test
    void constantMapGivesZeroGradient() {
        Tensor x = LossFixtures.logits(new Random(1), 2, 3, 4, 4);
        float[] z = new float[x.numel()];
        java.util.Arrays.fill(z, 0.7f);
        RwFunction.apply(x, z, false).backward();
        for (float g : x.gradBuffer()) assertEquals(0f, g, 1e-9f);
    }

    @Test
    void saturatedLogitsGiveFiniteValueAndGradient() {
        int[] labels = {0, 1, 2, 1};
        Target target = Target.builder(labels, 1, 2, 2, 3)
                .mapOptions(org.regionwise.maps.MapOptions.defaults().withClassWeights(1f, 2f, 3f)).build();
        float[] logits = new float[12];
        for (int i = 0; i < 4; i++) {
            logits[((i + 1) % 3) * 4 + i] = 1e4f; // confidently wrong ...
            logits[labels[i] * 4 + i] = -1e4f;
        }
        for (MapKind kind : MapKind.values()) {
            Tensor x = Tensor.of(logits.clone(), 1, 3, 2, 2).requiresGrad(true);
            Tensor loss = RwLoss.of(kind).forward(x, target);
            loss.backward();
            assertTrue(Float.isFinite(loss.item()), kind + " value " + loss.item());
            for (float g : x.gradBuffer()) assertTrue(Float.isFinite(g), kind + " gradient " + g);
        }
    }

    static double[] simplexPoint(Random r, int c) {
        double[] s = new double[c];
        double sum = 0;
        for (int k = 0; k < c; k++) {
            s[k] = -Math.log(1 - r.nextDouble()) + 1e-9;
            sum += s[k];
        }
        for (int k = 0; k < c; k++) s[k] /= sum;
        return s;
    }
}
