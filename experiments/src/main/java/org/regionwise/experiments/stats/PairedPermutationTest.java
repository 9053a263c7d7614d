package org.regionwise.experiments.stats;

import java.util.SplittableRandom;

/**
 * Paired two-sample permutation test (SPEC.md section 6), as used to compare per-volume Dice or HD
 * of two losses evaluated on the same volumes.
 *
 * <p>With differences {@code d_i = a_i - b_i}, the statistic is {@code T = |mean(d)|}. Under the null
 * hypothesis the two members of each pair are exchangeable, so each {@code d_i} is equally likely to
 * have either sign: every permutation flips each sign independently with probability 1/2 and
 * recomputes {@code T}. The p-value counts the observed arrangement as one of the permutations,
 * {@code p = (1 + #{T_perm >= T_obs}) / (1 + n_perm)}, so it is never 0 and is a valid (slightly
 * conservative) Monte Carlo p-value. The sign flips come from a {@link SplittableRandom} with the
 * given seed: same inputs and seed, same p.
 */
public final class PairedPermutationTest {

    /** Permutations drawn when none are given (SPEC section 6). */
    public static final int DEFAULT_PERMUTATIONS = 10_000;

    /** A difference is significant when {@code p < 0.05}. */
    public static final double SIGNIFICANCE_LEVEL = 0.05;

    /**
     * Relative slack when comparing a permuted statistic to the observed one. Sign patterns that give
     * exactly the observed statistic in real arithmetic (all signs flipped, or flips among equal
     * differences) may differ from it in the last bits because the sum runs in another order; they
     * must count as ties ({@code >=}), not fall just below.
     */
    private static final double TIE_TOLERANCE = 1e-12;

    private PairedPermutationTest() {
    }

    /** {@link #test(double[], double[], int, long)} with {@link #DEFAULT_PERMUTATIONS}. */
    public static PermutationTestResult test(double[] a, double[] b, long seed) {
        return test(a, b, DEFAULT_PERMUTATIONS, seed);
    }

    /**
     * Tests whether the paired samples {@code a} and {@code b} differ in mean.
     *
     * @param a            first sample, e.g. per-volume Dice of one loss
     * @param b            second sample, paired with {@code a} by index
     * @param permutations number of random sign-flip permutations, at least 1
     * @param seed         seed of the sign flips
     * @throws IllegalArgumentException when a sample is missing or empty, the lengths differ, a value
     *                                  is NaN or infinite, or {@code permutations < 1}
     */
    public static PermutationTestResult test(double[] a, double[] b, int permutations, long seed) {
        double[] d = differences(a, b);
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be >= 1, got " + permutations);
        }
        int n = d.length;
        double sum = 0;
        double sumAbs = 0;
        for (double x : d) {
            sum += x;
            sumAbs += Math.abs(x);
        }
        // Sums instead of means: n is the same for every permutation, so the order is the same.
        double observed = Math.abs(sum);
        double threshold = observed - TIE_TOLERANCE * n * sumAbs;
        SplittableRandom random = new SplittableRandom(seed);
        int atLeastAsExtreme = 0;
        for (int p = 0; p < permutations; p++) {
            if (Math.abs(signFlippedSum(d, random)) >= threshold) {
                atLeastAsExtreme++;
            }
        }
        double pValue = (1.0 + atLeastAsExtreme) / (1.0 + permutations);
        double meanDifference = sum / n;
        return new PermutationTestResult(n, meanDifference, Math.abs(meanDifference), pValue, permutations, seed);
    }

    /** Sum of {@code d} with each sign flipped by one fair random bit (64 bits drawn at a time). */
    private static double signFlippedSum(double[] d, SplittableRandom random) {
        double sum = 0;
        long bits = 0;
        for (int i = 0; i < d.length; i++) {
            if ((i & 63) == 0) {
                bits = random.nextLong();
            }
            sum += (bits & 1L) == 0 ? d[i] : -d[i];
            bits >>>= 1;
        }
        return sum;
    }

    /** {@code a - b}, after checking both samples. */
    private static double[] differences(double[] a, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("the permutation test needs two samples, got "
                    + (a == null ? "null" : a.length + " values") + " and " + (b == null ? "null" : b.length + " values"));
        }
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples must have equal lengths, got " + a.length + " and "
                    + b.length);
        }
        if (a.length == 0) {
            throw new IllegalArgumentException("the permutation test needs at least one pair, got none");
        }
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("pair " + i + " is (" + a[i] + ", " + b[i]
                        + "): values must be finite (exclude undefined metrics before testing)");
            }
            d[i] = a[i] - b[i];
            if (!Double.isFinite(d[i])) {
                throw new IllegalArgumentException("pair " + i + " is (" + a[i] + ", " + b[i]
                        + "): its difference overflows");
            }
        }
        return d;
    }
}
