package org.regionwise.tests.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.regionwise.autodiff.Tensor;
import org.regionwise.losses.MapSource;
import org.regionwise.losses.RwGradient;
import org.regionwise.losses.RwLoss;
import org.regionwise.losses.Target;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;

/**
 * SPEC.md section 2, the rectification principle: for a rectified map, at every pixel and for every softmax
 * vector in the open simplex, the logit gradient of the RW loss has exactly one negative component, the
 * true class's. Checked with the closed form ({@link RwGradient}, in double) and with the autodiff
 * gradient of {@link RwLoss} (float), for C = 2..6, on
 * <ul>
 *   <li>single pixels: any map vector rectified by {@link RegionMaps#rectify}, any softmax;</li>
 *   <li>whole label images: RRW, class-weighted RRW, AC, Cao, and rectified RW-Boundary (both conventions)
 *       and HD maps, with random logits at every pixel.</li>
 * </ul>
 * Logits stay in [-8, 8], so every softmax component is at least e^-16 / 6: inside the open simplex and
 * far above float underflow. The float (autodiff) checks skip the pixels whose exact gradient is below
 * float's normal range, which happens only where rectification left a gap of one subnormal ulp (see
 * {@link #representableInFloat}); a coverage check keeps that exclusion rare.
 */
class RectifiedMapGradientSignProperties {

    /** One pixel: a raw map vector, its true class, and the logits. */
    record PixelCase(int trueClass, double[] rawMap, double[] logits) {
        int classes() { return logits.length; }

        /** The raw vector rectified by the maps module, as a 1-pixel map. */
        float[] rectifiedMap() {
            float[] z = new float[classes()];
            for (int k = 0; k < z.length; k++) z[k] = (float) rawMap[k];
            return RegionMaps.rectify(z, new int[] {trueClass}, classes());
        }
    }

    @Provide
    Arbitrary<PixelCase> pixels() {
        return Arbitraries.integers().between(2, 6).flatMap(c -> Combinators.combine(
                Arbitraries.integers().between(0, c - 1),
                Arbitraries.doubles().between(-20, 20).array(double[].class).ofSize(c),
                Arbitraries.doubles().between(-8, 8).array(double[].class).ofSize(c)).as(PixelCase::new));
    }

    @Property(tries = 1000)
    void closedFormHasOneNegativeComponentTheTrueClass(@ForAll("pixels") PixelCase p) {
        float[] z = p.rectifiedMap();
        double[] zd = new double[z.length];
        for (int k = 0; k < z.length; k++) zd[k] = z[k];
        assertOnlyTrueClassNegative(RwGradient.closedForm(Simplex.softmax(p.logits()), zd), p.trueClass(), "closed form");
    }

    @Property(tries = 300)
    void autodiffGradientHasOneNegativeComponentTheTrueClass(@ForAll("pixels") PixelCase p) {
        int c = p.classes();
        float[] z = p.rectifiedMap();
        Assume.that(representableInFloat(Simplex.softmax(p.logits()), toDouble(z), c));
        Target target = Target.builder(new int[] {p.trueClass()}, 1, 1, 1, c).map(MapKind.RRW, z).build();
        Tensor x = logitsTensor(p.logits(), 1, c, 1, 1);
        RwLoss.of(MapKind.RRW).forward(x, target).backward(); // the supplied (rectified) map stands in for RRW
        double[] g = new double[c];
        for (int k = 0; k < c; k++) g[k] = x.gradBuffer()[k];
        assertOnlyTrueClassNegative(g, p.trueClass(), "autodiff");
    }

    /**
     * Whether every component of the loss gradient at this pixel, closed form over C (N = 1), is a normal
     * float. The one case where it is not: {@link RegionMaps#rectify} puts the true class at
     * a margin of 2^-10 below the wrong-class value b where the map ranked it wrongly, so a gradient can only
     * underflow when softmax itself is extreme (see {@link #rectifyingBelowZeroKeepsAGradientFloatCanHold}).
     * The closed-form property above covers those pixels in double.
     */
    static boolean representableInFloat(double[] s, double[] z, int normalisation) {
        for (double g : RwGradient.closedForm(s, z)) if (Math.abs(g) / normalisation < Float.MIN_NORMAL) return false;
        return true;
    }

    @Example
    void rectifyingBelowZeroKeepsAGradientFloatCanHold() {
        // Wrong-class values 0 and a true value above them: rectify puts the true class a margin below 0
        // (one ulp, 1.4e-45, would underflow the float32 gradient to exactly 0).
        float[] z = RegionMaps.rectify(new float[] {0f, 0f, 2f}, new int[] {2}, 3);
        assertEquals(-0x1p-10f, z[2]);
        double[] g = RwGradient.closedForm(new double[] {0.2, 0.3, 0.5}, toDouble(z));
        assertOnlyTrueClassNegative(g, 2, "closed form, double");
        Target target = Target.builder(new int[] {2}, 1, 1, 1, 3).map(MapKind.RRW, z).build();
        Tensor x = logitsTensor(new double[] {Math.log(0.2), Math.log(0.3), Math.log(0.5)}, 1, 3, 1, 1);
        RwLoss.of(MapKind.RRW).forward(x, target).backward();
        double[] gf = new double[3];
        for (int k = 0; k < 3; k++) gf[k] = x.gradBuffer()[k];
        assertOnlyTrueClassNegative(gf, 2, "autodiff, float32");
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    /** Which rectified map of a whole label image. */
    enum RectifiedMap { RRW, RRW_WEIGHTED, AC, CAO, RECTIFIED_BOUNDARY, RECTIFIED_BOUNDARY_KERVADEC, RECTIFIED_HD }

    static MapSource source(RectifiedMap map) {
        return switch (map) {
            case RRW -> MapSource.of(MapKind.RRW);
            case RRW_WEIGHTED -> MapSource.of(MapKind.RRW_WEIGHTED);
            case AC -> MapSource.of(MapKind.AC);
            case CAO -> MapSource.of(MapKind.CAO);
            case RECTIFIED_BOUNDARY -> MapSource.rectified(MapSource.of(MapKind.BOUNDARY));
            case RECTIFIED_BOUNDARY_KERVADEC -> MapSource.rectified(MapSource.of(MapKind.BOUNDARY_KERVADEC));
            case RECTIFIED_HD -> MapSource.rectified(MapSource.of(MapKind.HD));
        };
    }

    @Provide
    Arbitrary<LabelImage> images() {
        return Arbitraries.integers().between(2, 6).flatMap(c -> Arbitraries.oneOf(LabelImage.rectangles(c), LabelImage.noise(c)));
    }

    @Property(tries = 150)
    void everyPixelOfARectifiedMapHasOnlyTheTrueClassNegative(@ForAll("images") LabelImage image, @ForAll RectifiedMap map,
                                                              @ForAll long seed) {
        int c = image.classes();
        int n = image.pixels();
        float[] weights = new float[c];
        java.util.Random r = new java.util.Random(seed);
        for (int k = 0; k < c; k++) weights[k] = 3 * r.nextFloat();
        Target target = Target.builder(image.labels(), 1, image.height(), image.width(), c)
                .mapOptions(MapOptions.defaults().withClassWeights(weights)).build();
        MapSource source = source(map);
        float[] z = target.map(source);
        assertTrue(RegionMaps.isRectified(z, image.labels(), c), map + " is rectified");
        double[] logits = new double[c * n];
        for (int i = 0; i < logits.length; i++) logits[i] = 16 * r.nextDouble() - 8;

        Tensor x = logitsTensor(logits, 1, c, image.height(), image.width());
        RwLoss.of(source).forward(x, target).backward();
        int autodiffPixels = 0;
        for (int i = 0; i < n; i++) {
            int t = image.labels()[i];
            double[] pixelLogits = new double[c];
            for (int k = 0; k < c; k++) pixelLogits[k] = logits[k * n + i];
            double[] closed = RwGradient.closedForm(Simplex.softmax(pixelLogits), Simplex.pixel(z, 0, c, n, i));
            assertOnlyTrueClassNegative(closed, t, map + " closed form, pixel " + i);
            if (representableInFloat(Simplex.softmax(pixelLogits), Simplex.pixel(z, 0, c, n, i), c * n)) {
                assertOnlyTrueClassNegative(Simplex.pixel(x.gradBuffer(), 0, c, n, i), t, map + " autodiff, pixel " + i);
                autodiffPixels++;
            }
        }
        Statistics.label("pixels whose float gradient is representable").collect(autodiffPixels == n ? "all" : "some not");
        Statistics.label("pixels whose float gradient is representable").coverage(
                coverage -> coverage.check("all").percentage(p -> p > 80));
    }

    /** The property for C = 2..6 also holds on the 2-class edge case without any rectification: any map with z_t < z_other is rectified. */
    @Property(tries = 200)
    void twoClassMapsWithALowerTrueValueAreRectified(@ForAll @IntRange(min = 0, max = 1) int trueClass,
                                                     @ForAll("lowHigh") double[] values, @ForAll("logit") double a,
                                                     @ForAll("logit") double b) {
        double[] z = new double[2];
        z[trueClass] = values[0];
        z[1 - trueClass] = values[1];
        assertOnlyTrueClassNegative(RwGradient.closedForm(Simplex.softmax(new double[] {a, b}), z), trueClass, "C = 2");
    }

    @Provide
    Arbitrary<double[]> lowHigh() {
        return Combinators.combine(Arbitraries.doubles().between(-10, 10), Arbitraries.doubles().between(1e-3, 10).ofScale(4))
                .as((low, gap) -> new double[] {low, low + gap});
    }

    @Provide
    Arbitrary<Double> logit() {
        return Arbitraries.doubles().between(-8, 8);
    }

    static Tensor logitsTensor(double[] values, int... shape) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return Tensor.of(f, shape).requiresGrad(true);
    }

    static void assertOnlyTrueClassNegative(double[] g, int trueClass, String what) {
        assertEquals(1, RwGradient.negativeComponents(g), what + ": negative components of " + java.util.Arrays.toString(g));
        assertTrue(g[trueClass] < 0, what + ": the true class " + trueClass + " must be the negative one: "
                + java.util.Arrays.toString(g));
        for (int k = 0; k < g.length; k++) {
            if (k != trueClass) assertTrue(g[k] > 0, what + ": component " + k + " must be positive: " + java.util.Arrays.toString(g));
        }
    }
}
