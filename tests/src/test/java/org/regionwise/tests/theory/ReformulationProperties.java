package org.regionwise.tests.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.losses.ActiveContourLoss;
import org.regionwise.losses.BoundaryLoss;
import org.regionwise.losses.HausdorffLoss;
import org.regionwise.losses.Loss;
import org.regionwise.losses.MapSource;
import org.regionwise.losses.RwLoss;
import org.regionwise.losses.Target;
import org.regionwise.maps.MapKind;

/**
 * The reformulations of the paper's supplement (SPEC.md section 4, "Theory to verify"), as exact identities
 * between this library's losses, each loss written independently (the RW loss is one fused op; the others
 * are composed from autodiff primitives). Means: RW averages over (B, C, N); the boundary, Cao, AC and HD
 * losses over (B, C-1, N), the foreground classes (or (B, C, N) with background included). Each identity
 * is checked on the value and on the whole logit gradient.
 *
 * <ol>
 *   <li>Active contour (Proposition 1), C = 2: {@code AC(lambda=1, mu=0) = 2 RW(z = 1 - y)}.
 *       For any C: {@code RW(1 - y) = (1/C) mean_i (1 - s_{i,y_i})}.</li>
 *   <li>Boundary (Proposition 2), any C, both conventions: {@code Boundary_all(phi) = RW(phi)} and
 *       {@code Boundary_fg(phi) = C/(C-1) RW(phi with channel 0 zeroed)}. For C = 2 with the reference
 *       convention (antisymmetric: phi_0 = -phi_1): {@code Boundary_fg = RW(phi) + (1/(2BN)) sum phi_1},
 *       a constant, so both give the same gradient.</li>
 *   <li>One-sided HD (Proposition 3), C = 2, alpha in {1, 2}: {@code HD = 2 RW_squared(z = (1 - y) d^alpha)}.</li>
 *   <li>Cao et al. (Proposition 4), any C: {@code Cao_all = RW(1 - 2y)}, {@code Cao_fg = C/(C-1) RW(1 - 2y, channel 0
 *       zeroed)}; C = 2: {@code Cao_fg = RW(1 - 2y) + (1/(2BN)) sum (1 - 2 y_1)}.</li>
 * </ol>
 */
class ReformulationProperties {

    /** A random batch with region-like labels: B images of H x W with C classes. */
    record Case(Target target, Tensor logits) {}

    private static Case randomCase(int classes, long seed) {
        Random r = new Random(seed);
        int batch = 1 + r.nextInt(3);
        int h = 2 + r.nextInt(7);
        int w = 2 + r.nextInt(7);
        int[] labels = new int[batch * h * w];
        for (int b = 0; b < batch; b++) {
            for (int k = 0; k < 1 + r.nextInt(4); k++) {
                int c = 1 + r.nextInt(classes - 1);
                int y0 = r.nextInt(h);
                int x0 = r.nextInt(w);
                int y1 = y0 + 1 + r.nextInt(h - y0);
                int x1 = x0 + 1 + r.nextInt(w - x0);
                for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) labels[(b * h + y) * w + x] = c;
            }
        }
        Target target = Target.of(labels, batch, h, w, classes);
        return new Case(target, Tensor.uniform(r, -4f, 4f, batch, classes, h, w).requiresGrad(true));
    }

    @Property(tries = 100)
    void activeContourIsTwiceRwWithTheAcMapForTwoClasses(@ForAll long seed) {
        Case k = randomCase(2, seed);
        assertIdentity(k, new ActiveContourLoss(1f, 0f), RwLoss.of(MapKind.AC), 2.0, (t, x) -> 0.0);
    }

    @Property(tries = 100)
    void rwWithTheAcMapIsTheMeanTrueClassErrorOverC(@ForAll @IntRange(min = 2, max = 6) int classes, @ForAll long seed) {
        Case k = randomCase(classes, seed);
        Target t = k.target();
        float[] s = k.logits().detach().softmax(1).data();
        int n = t.pixels();
        double expected = 0;
        for (int b = 0; b < t.batch(); b++) {
            for (int i = 0; i < n; i++) expected += 1 - s[(b * classes + t.labels()[b * n + i]) * n + i];
        }
        expected /= (double) classes * t.batch() * n;
        assertEquals(expected, RwLoss.of(MapKind.AC).forward(k.logits(), t).item(), 1e-6);
    }

    @Provide
    Arbitrary<MapKind> boundaryConventions() {
        return Arbitraries.of(MapKind.BOUNDARY, MapKind.BOUNDARY_KERVADEC);
    }

    @Property(tries = 100)
    void boundaryLossOverAllClassesIsRw(@ForAll("boundaryConventions") MapKind convention,
                                        @ForAll @IntRange(min = 2, max = 6) int classes, @ForAll long seed) {
        Case k = randomCase(classes, seed);
        assertIdentity(k, new BoundaryLoss("boundary-all", convention, true), RwLoss.of(convention), 1.0, (t, x) -> 0.0);
    }

    @Property(tries = 100)
    void boundaryLossOverForegroundIsRwWithoutBackgroundTimesCOverCMinusOne(
            @ForAll("boundaryConventions") MapKind convention, @ForAll @IntRange(min = 2, max = 6) int classes, @ForAll long seed) {
        Case k = randomCase(classes, seed);
        assertIdentity(k, new BoundaryLoss("boundary-fg", convention, false), RwLoss.of(backgroundZeroed(convention)),
                classes / (classes - 1.0), (t, x) -> 0.0);
    }

    @Property(tries = 100)
    void binaryBoundaryLossIsRwPlusALabelConstant(@ForAll long seed) {
        Case k = randomCase(2, seed);
        assertIdentity(k, new BoundaryLoss("boundary-fg", MapKind.BOUNDARY, false), RwLoss.of(MapKind.BOUNDARY), 1.0,
                (t, x) -> foregroundMeanOverTwo(t, t.map(MapKind.BOUNDARY)));
    }

    @Property(tries = 100)
    void oneSidedHausdorffIsTwiceRwOfTheSquaredSoftmaxForTwoClasses(@ForAll @IntRange(min = 1, max = 2) int alpha,
                                                                    @ForAll long seed) {
        Case k = randomCase(2, seed);
        assertIdentity(k, new HausdorffLoss(alpha), RwLoss.squared(MapSource.trueClassZeroed(MapSource.hd(alpha))), 2.0,
                (t, x) -> 0.0);
    }

    @Property(tries = 100)
    void caoLossIsRwWithTheCaoMap(@ForAll @IntRange(min = 2, max = 6) int classes, @ForAll long seed) {
        Case k = randomCase(classes, seed);
        assertIdentity(k, new BoundaryLoss("cao-all", MapKind.CAO, true), RwLoss.of(MapKind.CAO), 1.0, (t, x) -> 0.0);
        assertIdentity(k, BoundaryLoss.cao(), RwLoss.of(backgroundZeroed(MapKind.CAO)), classes / (classes - 1.0), (t, x) -> 0.0);
    }

    @Property(tries = 100)
    void binaryCaoLossIsRwPlusALabelConstant(@ForAll long seed) {
        Case k = randomCase(2, seed);
        assertIdentity(k, BoundaryLoss.cao(), RwLoss.of(MapKind.CAO), 1.0,
                (t, x) -> foregroundMeanOverTwo(t, t.map(MapKind.CAO)));
    }

    /**
     * Asserts {@code left(x) = factor * right(x) + offset(target)} in value, and {@code grad left = factor * grad right}.
     */
    private static void assertIdentity(Case k, Loss left, Loss right, double factor, BiFunction<Target, Tensor, Double> offset) {
        Tensor x = k.logits();
        x.zeroGrad();
        Tensor l = left.forward(x, k.target());
        l.backward();
        float[] leftGrad = x.gradBuffer().clone();
        x.zeroGrad();
        Tensor r = right.forward(x, k.target());
        r.backward();
        float[] rightGrad = x.gradBuffer();
        double expected = factor * r.item() + offset.apply(k.target(), x);
        assertEquals(expected, l.item(), 2e-6 * (1 + Math.abs(expected)), left.name() + " vs " + factor + " x " + right.name());
        double largest = 0;
        for (float g : leftGrad) largest = Math.max(largest, Math.abs(g));
        for (int i = 0; i < leftGrad.length; i++) {
            assertEquals(factor * rightGrad[i], leftGrad[i], 1e-5 * largest + 1e-12, "gradient element " + i);
        }
    }

    /** {@code (1/(2BN)) sum over images and pixels of channel 1 of z}: the constant of the binary identities. */
    private static double foregroundMeanOverTwo(Target t, float[] z) {
        int n = t.pixels();
        double sum = 0;
        for (int b = 0; b < t.batch(); b++) for (int i = 0; i < n; i++) sum += z[(b * 2 + 1) * n + i];
        return sum / (2.0 * t.batch() * n);
    }

    /** The map of {@code kind} with the background channel set to 0. */
    private static MapSource backgroundZeroed(MapKind kind) {
        return new MapSource() {
            @Override public String key() { return "backgroundZeroed(" + kind.cliName() + ")"; }

            @Override
            public float[] compute(Target target) {
                float[] z = target.map(kind).clone();
                int n = target.pixels();
                for (int b = 0; b < target.batch(); b++) java.util.Arrays.fill(z, b * target.classes() * n, (b * target.classes() + 1) * n, 0f);
                return z;
            }
        };
    }
}
