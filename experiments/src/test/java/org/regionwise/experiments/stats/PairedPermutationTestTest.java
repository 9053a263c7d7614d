package org.regionwise.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PairedPermutationTestTest {

    /**
     * Monte Carlo error allowed against exact enumeration: the standard error of a p-value from
     * 10,000 permutations is at most sqrt(0.25 / 10,000) = 0.005, so this is 5 standard errors.
     */
    private static final double MONTE_CARLO_TOLERANCE = 0.025;

    /**
     * The exact permutation p-value: the fraction of all 2^n sign patterns (the identity included)
     * whose |sum| is at least the observed one. Independent of the class under test; inputs are
     * multiples of 1/8 so every sum is exact and ties are exact.
     */
    private static double exactP(double[] d) {
        double observed = Math.abs(sum(d, 0));
        int n = d.length;
        int atLeast = 0;
        for (long pattern = 0; pattern < (1L << n); pattern++) {
            if (Math.abs(sum(d, pattern)) >= observed) {
                atLeast++;
            }
        }
        return (double) atLeast / (1L << n);
    }

    private static double sum(double[] d, long flips) {
        double s = 0;
        for (int i = 0; i < d.length; i++) {
            s += ((flips >>> i) & 1) == 0 ? d[i] : -d[i];
        }
        return s;
    }

    @Property(tries = 30)
    void monteCarloPAgreesWithExactEnumeration(@ForAll @Size(min = 1, max = 12) int[] eighths,
                                               @ForAll long seed) {
        double[] a = new double[eighths.length];
        double[] b = new double[eighths.length];
        double[] d = new double[eighths.length];
        for (int i = 0; i < eighths.length; i++) {
            d[i] = (eighths[i] % 64) / 8.0;
            b[i] = 0.5;
            a[i] = b[i] + d[i];
        }
        PermutationTestResult r = PairedPermutationTest.test(a, b, seed);
        assertEquals(exactP(d), r.pValue(), MONTE_CARLO_TOLERANCE, "seed " + seed);
    }

    @Test
    void handExampleAgreesWithEnumeration() {
        // d = (1, 2, 3, -1): observed |sum| = 5. The |sums| of the 16 sign patterns are those of
        // +-1 +-2 +-3 +-1: 7 once, 5 twice (one of the 1s flipped), and their negations: 6 of 16.
        double[] a = {2, 4, 6, 0};
        double[] b = {1, 2, 3, 1};
        assertEquals(0.375, exactP(new double[] {1, 2, 3, -1}));
        PermutationTestResult r = PairedPermutationTest.test(a, b, 12345L);
        assertEquals(0.375, r.pValue(), MONTE_CARLO_TOLERANCE);
        assertEquals(1.25, r.meanDifference(), 1e-15);
        assertEquals(1.25, r.statistic(), 1e-15);
        assertEquals(4, r.pairs());
        assertEquals(PairedPermutationTest.DEFAULT_PERMUTATIONS, r.permutations());
    }

    @Test
    void identicalSamplesGivePOne() {
        double[] a = {0.81, 0.92, 0.77, 0.65, 0.9};
        PermutationTestResult r = PairedPermutationTest.test(a, a.clone(), 7L);
        assertEquals(1.0, r.pValue());
        assertEquals(0.0, r.statistic());
    }

    @Test
    void singlePairCannotBeSignificant() {
        // Both sign patterns of one difference have the same |d|.
        assertEquals(1.0, PairedPermutationTest.test(new double[] {0.9}, new double[] {0.1}, 3L).pValue());
    }

    @Test
    void largeConsistentShiftIsSignificant() {
        // 12 pairs all shifted up by about 0.1: only the identity and its negation reach the observed
        // statistic, exact p = 2 / 4096.
        double[] b = {0.70, 0.72, 0.68, 0.75, 0.71, 0.69, 0.74, 0.73, 0.70, 0.66, 0.72, 0.71};
        double[] a = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            a[i] = b[i] + 0.1 + 0.01 * (i % 3);
        }
        PermutationTestResult r = PairedPermutationTest.test(a, b, 2024L);
        assertTrue(r.pValue() < 0.05, "p = " + r.pValue());
        assertTrue(r.significant());
        assertTrue(r.meanDifference() > 0);
        assertTrue(r.pValue() >= 1.0 / (1 + r.permutations()), "p can never be below 1 / (1 + n_perm)");
    }

    @Test
    void tiesFromRoundingCountAsAtLeastAsExtreme() {
        // Differences (-0.7, 0.1, -0.2, 0.6): in decimal arithmetic 14 of the 16 sign patterns reach
        // the observed |sum| = 0.2 (exact p = 0.875), but in doubles the identity sums to
        // 0.20000000000000007 while flipping -0.2 gives 0.2: a plain >= would lose those ties
        // (p = 0.75).
        double[] a = {-0.7, 0.1, -0.2, 0.6};
        double[] b = {0, 0, 0, 0};
        assertEquals(0.875, PairedPermutationTest.test(a, b, 99L).pValue(), MONTE_CARLO_TOLERANCE);
    }

    @Property(tries = 50)
    void sameSeedSamePAndSwappingSamplesKeepsP(@ForAll @Size(min = 1, max = 20) double[] raw,
                                               @ForAll long seed,
                                               @ForAll @IntRange(min = 1, max = 2000) int permutations) {
        double[] a = new double[raw.length];
        double[] b = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            a[i] = Double.isFinite(raw[i]) ? Math.max(-1e3, Math.min(1e3, raw[i])) : 0;
            b[i] = (i % 5) * 0.1;
        }
        PermutationTestResult first = PairedPermutationTest.test(a, b, permutations, seed);
        PermutationTestResult again = PairedPermutationTest.test(a, b, permutations, seed);
        PermutationTestResult swapped = PairedPermutationTest.test(b, a, permutations, seed);
        assertEquals(first, again);
        assertEquals(first.pValue(), swapped.pValue(), "negating every difference flips no |sum|");
        assertTrue(first.pValue() > 0 && first.pValue() <= 1);
    }

    @Test
    void rejectsBadInputsWithClearMessages() {
        double[] one = {1};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedPermutationTest.test(new double[] {1, 2}, one, 1L));
        assertTrue(e.getMessage().contains("equal lengths"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PairedPermutationTest.test(new double[0], new double[0], 1L));
        assertThrows(IllegalArgumentException.class, () -> PairedPermutationTest.test(null, one, 1L));
        assertThrows(IllegalArgumentException.class, () -> PairedPermutationTest.test(one, null, 1L));
        e = assertThrows(IllegalArgumentException.class,
                () -> PairedPermutationTest.test(new double[] {1, Double.NaN}, new double[] {1, 2}, 1L));
        assertTrue(e.getMessage().contains("pair 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PairedPermutationTest.test(new double[] {Double.POSITIVE_INFINITY}, one, 1L));
        assertThrows(IllegalArgumentException.class,
                () -> PairedPermutationTest.test(new double[] {Double.MAX_VALUE}, new double[] {-Double.MAX_VALUE}, 1L));
        assertThrows(IllegalArgumentException.class, () -> PairedPermutationTest.test(one, one, 0, 1L));
    }
}
