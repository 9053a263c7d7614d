package org.regionwise.autodiff.ops;

import static org.regionwise.autodiff.TestTensors.awayFromZero;
import static org.regionwise.autodiff.TestTensors.leaf;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.check.GradientCheck;

/** Finite-difference gradient checks of every elementwise op, with broadcasting. */
class ElementwiseGradientProperties {

    /** A shape of rank 1..3 and a broadcast-compatible partner (some axes 1, maybe fewer axes). */
    private static int[][] broadcastPair(Random r, int rank, int d0, int d1, int d2) {
        int[] full = java.util.Arrays.copyOf(new int[] {d0, d1, d2}, rank);
        int drop = r.nextInt(rank);
        int[] other = new int[rank - drop];
        for (int i = 0; i < other.length; i++) other[i] = r.nextBoolean() ? 1 : full[i + drop];
        return r.nextBoolean() ? new int[][] {full, other} : new int[][] {other, full};
    }

    @Property(tries = 60)
    void addSubMulWithBroadcasting(@ForAll @IntRange(min = 1, max = 3) int rank, @ForAll @IntRange(min = 1, max = 4) int d0,
                                   @ForAll @IntRange(min = 1, max = 4) int d1, @ForAll @IntRange(min = 1, max = 4) int d2,
                                   @ForAll long seed) {
        Random r = new Random(seed);
        int[][] shapes = broadcastPair(r, rank, d0, d1, d2);
        Tensor a = leaf(r, shapes[0]);
        Tensor b = leaf(r, shapes[1]);
        GradientCheck.assertGradients(x -> x[0].add(x[1]), a, b);
        GradientCheck.assertGradients(x -> x[0].sub(x[1]), a, b);
        GradientCheck.assertGradients(x -> x[0].mul(x[1]), a, b);
    }

    @Property(tries = 60)
    void divWithBroadcasting(@ForAll @IntRange(min = 1, max = 3) int rank, @ForAll @IntRange(min = 1, max = 4) int d0,
                             @ForAll @IntRange(min = 1, max = 4) int d1, @ForAll @IntRange(min = 1, max = 4) int d2,
                             @ForAll long seed) {
        Random r = new Random(seed);
        int[][] shapes = broadcastPair(r, rank, d0, d1, d2);
        Tensor a = leaf(r, shapes[0]);
        Tensor b = leaf(r, 0.5f, 2f, shapes[1]);
        GradientCheck.assertGradients(x -> x[0].div(x[1]), a, b);
    }

    @Property(tries = 40)
    void smoothUnaryOps(@ForAll @IntRange(min = 1, max = 5) int h, @ForAll @IntRange(min = 1, max = 5) int w, @ForAll long seed) {
        Random r = new Random(seed);
        GradientCheck.assertGradients(x -> x[0].neg(), leaf(r, h, w));
        GradientCheck.assertGradients(x -> x[0].exp(), leaf(r, h, w));
        GradientCheck.assertGradients(x -> x[0].log(), leaf(r, 0.5f, 3f, h, w));
        GradientCheck.assertGradients(x -> x[0].sqrt(), leaf(r, 0.5f, 3f, h, w));
        GradientCheck.assertGradients(x -> x[0].pow(3f), leaf(r, h, w));
        GradientCheck.assertGradients(x -> x[0].pow(-1.5f), leaf(r, 0.5f, 3f, h, w));
    }

    @Property(tries = 40)
    void kinkedUnaryOpsAwayFromTheirKinks(@ForAll @IntRange(min = 1, max = 5) int h, @ForAll @IntRange(min = 1, max = 5) int w,
                                          @ForAll long seed) {
        Random r = new Random(seed);
        GradientCheck.assertGradients(x -> x[0].abs(), awayFromZero(r, h, w));
        GradientCheck.assertGradients(x -> x[0].relu(), awayFromZero(r, h, w));
        GradientCheck.assertGradients(x -> x[0].leakyRelu(0.01f), awayFromZero(r, h, w));
        // Clamp at +-1 clips some values and passes others; keep every value 0.1 away from the bounds.
        Tensor c = awayFromZero(r, h, w);
        float[] d = c.data();
        for (int i = 0; i < d.length; i++) if (Math.abs(Math.abs(d[i]) - 1f) < 0.1f) d[i] = 1.5f * Math.signum(d[i]);
        GradientCheck.assertGradients(x -> x[0].clamp(-1f, 1f), c);
    }
}
