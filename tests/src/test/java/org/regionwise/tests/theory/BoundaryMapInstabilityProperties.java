package org.regionwise.tests.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.regionwise.autodiff.Tensor;
import org.regionwise.losses.RwGradient;
import org.regionwise.losses.RwLoss;
import org.regionwise.losses.Target;
import org.regionwise.maps.ChannelWeightedRrw;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapKind;

/**
 * SPEC.md section 2 and the paper's Sec. 3.4: RW-Boundary maps are not rectified for C >= 3, and there
 * are label maps and softmax vectors whose gradient has two or more negative components (two softmax
 * values pushed up at once: the instability). These are existence properties, written so that they fail
 * if no such case exists:
 * <ul>
 *   <li>a constructive one: every generated label image with three or more classes present and a pixel
 *       whose wrong-class components differ must yield, at the softmax concentrated on its farthest wrong
 *       class, a gradient with two or more negative components (if every generated image lacked such a
 *       pixel, the {@code Assume} would discard every try and jqwik fails the property);</li>
 *   <li>a blind search: random images, pixels and softmax vectors, with a coverage check that demands
 *       at least one case with two or more negatives.</li>
 * </ul>
 */
class BoundaryMapInstabilityProperties {

    private static final double DELTA = 1e-6;

    @Provide
    Arbitrary<LabelImage> multiClassImages() {
        return Arbitraries.integers().between(3, 6).flatMap(LabelImage::rectangles);
    }

    @Property(tries = 200)
    void softmaxOnTheFarthestWrongClassGivesTwoNegatives(@ForAll("multiClassImages") LabelImage image,
                                                         @ForAll boolean kervadecConvention) {
        Assume.that(image.presentClasses() >= 3);
        MapKind kind = kervadecConvention ? MapKind.BOUNDARY_KERVADEC : MapKind.BOUNDARY;
        int c = image.classes();
        int n = image.pixels();
        Target target = Target.of(image.labels(), 1, image.height(), image.width(), c);
        float[] z = target.map(kind);
        int pixel = -1;
        for (int i = 0; i < n && pixel < 0; i++) if (wrongClassComponentsDiffer(z, image.labels()[i], c, n, i)) pixel = i;
        Assume.that(pixel >= 0);

        int t = image.labels()[pixel];
        double[] zi = Simplex.pixel(z, 0, c, n, pixel);
        int farthest = -1;
        for (int k = 0; k < c; k++) if (k != t && (farthest < 0 || zi[k] > zi[farthest])) farthest = k;
        double[] s = Simplex.concentratedOn(c, farthest, DELTA);
        double[] g = RwGradient.closedForm(s, zi);
        assertTrue(RwGradient.negativeComponents(g) >= 2, kind + " at pixel " + pixel + ", z = " + java.util.Arrays.toString(zi)
                + ", s = " + java.util.Arrays.toString(s) + ": gradient " + java.util.Arrays.toString(g));

        // The same through the loss's autodiff gradient: logits log(s) reproduce s at that pixel.
        float[] logits = new float[c * n];
        for (int k = 0; k < c; k++) logits[k * n + pixel] = (float) Math.log(s[k]);
        Tensor x = Tensor.of(logits, 1, c, image.height(), image.width()).requiresGrad(true);
        RwLoss.of(kind).forward(x, target).backward();
        assertTrue(RwGradient.negativeComponents(Simplex.pixel(x.gradBuffer(), 0, c, n, pixel)) >= 2, "autodiff");
    }

    @Property(tries = 400)
    void aBlindSearchFindsTwoNegatives(@ForAll("multiClassImages") LabelImage image, @ForAll long seed) {
        Random r = new Random(seed);
        int c = image.classes();
        int n = image.pixels();
        float[] z = Target.of(image.labels(), 1, image.height(), image.width(), c).map(MapKind.BOUNDARY);
        int pixel = r.nextInt(n);
        double[] logits = new double[c];
        for (int k = 0; k < c; k++) logits[k] = 8 * r.nextGaussian();
        int negatives = RwGradient.negativeComponents(RwGradient.closedForm(Simplex.softmax(logits), Simplex.pixel(z, 0, c, n, pixel)));
        Statistics.label("negative components").collect(negatives);
        Statistics.label("negative components").coverage(coverage -> {
            coverage.checkQuery(values -> (Integer) values.get(0) >= 2).count(found -> found > 0);
            coverage.check(1).count(found -> found > 0);
        });
    }

    /**
     * The channel-weighted RRW variant (a published variant writes the weight of the channel, not of the
     * pixel's class) is not rectified for C >= 3: with unequal weights the search finds two negatives.
     */
    @Property(tries = 100)
    void channelWeightedRrwAlsoGivesTwoNegatives(@ForAll("multiClassImages") LabelImage image) {
        Assume.that(image.presentClasses() >= 2);
        int c = image.classes();
        int n = image.pixels();
        float[] weights = new float[c];
        for (int k = 0; k < c; k++) weights[k] = 1 + k;
        float[] z = ChannelWeightedRrw.compute(image.labels(), Grid.of(image.height(), image.width()), c, weights, 1);
        int found = 0;
        for (int i = 0; i < n; i++) {
            int t = image.labels()[i];
            double[] zi = Simplex.pixel(z, 0, c, n, i);
            int heaviest = t == c - 1 ? c - 2 : c - 1; // the largest-weight wrong class
            if (RwGradient.negativeComponents(RwGradient.closedForm(Simplex.concentratedOn(c, heaviest, DELTA), zi)) >= 2) found++;
        }
        assertTrue(found > 0, "no pixel with two negatives in " + image);
    }

    private static boolean wrongClassComponentsDiffer(float[] z, int t, int c, int n, int i) {
        float first = Float.NaN;
        for (int k = 0; k < c; k++) {
            if (k == t) continue;
            float v = z[k * n + i];
            if (Float.isNaN(first)) first = v;
            else if (v != first) return true;
        }
        return false;
    }
}
