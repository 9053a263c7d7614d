package org.regionwise.experiments.stats;

/**
 * Outcome of a {@link PairedPermutationTest}.
 *
 * @param pairs          number of paired observations n
 * @param meanDifference mean of {@code a[i] - b[i]}: its sign says which sample is larger
 * @param statistic      the observed statistic {@code |meanDifference|}
 * @param pValue         {@code (1 + #{T_perm >= T_obs}) / (1 + permutations)}, in
 *                       {@code (0, 1]}
 * @param permutations   number of random sign-flip permutations drawn
 * @param seed           seed of the random sign flips: the same inputs and seed give the same p
 */
public record PermutationTestResult(int pairs, double meanDifference, double statistic, double pValue,
                                    int permutations, long seed) {

    /** Whether {@code pValue < }{@link PairedPermutationTest#SIGNIFICANCE_LEVEL} (0.05, SPEC section 6). */
    public boolean significant() {
        return significantAt(PairedPermutationTest.SIGNIFICANCE_LEVEL);
    }

    /** Whether {@code pValue < alpha}. */
    public boolean significantAt(double alpha) {
        return pValue < alpha;
    }
}
