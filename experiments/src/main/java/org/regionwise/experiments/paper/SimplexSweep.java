package org.regionwise.experiments.paper;

/**
 * The open 3-class simplex on a grid, and how many components of the RW gradient are negative at each
 * point. The grid has step {@code 1 / divisions}: points {@code (i, j, k) / divisions} with
 * {@code i + j + k = divisions} and every coordinate at least 1 (the open simplex: a softmax is never exactly
 * 0), so {@code (divisions - 1)(divisions - 2) / 2} points.
 *
 * <p>The gradient component j has the sign of {@code sum_k s_k (z_j - z_k)} (s_j > 0 multiplies it): the
 * cancellation-free form of {@link org.regionwise.losses.RwGradient}, evaluated here inline because the
 * sweep over every pixel of a label map visits about 10^8 points.
 */
final class SimplexSweep {
    private SimplexSweep() {}

    /** Counts of grid points by number of negative gradient components: index 0..3. */
    record Counts(long points, long[] byNegatives) {
        double fraction(int negatives) {
            return points == 0 ? 0 : (double) byNegatives[negatives] / points;
        }
    }

    static int divisions(double step) {
        long m = Math.round(1 / step);
        if (!(step > 0) || m < 3 || Math.abs(m * step - 1) > 1e-9) {
            throw new IllegalArgumentException("simplex step must be 1/m for an integer m >= 3, got " + step);
        }
        return (int) m;
    }

    static long points(int divisions) {
        return (long) (divisions - 1) * (divisions - 2) / 2;
    }

    /** The counts for one map vector {@code z} of length 3. */
    static Counts sweep(double[] z, int divisions) {
        long[] counts = new long[4];
        for (int i = 1; i < divisions; i++) {
            for (int j = 1; i + j < divisions; j++) {
                int k = divisions - i - j;
                counts[negatives(i, j, k, z)]++;
            }
        }
        return new Counts(points(divisions), counts);
    }

    /** The fraction of grid points with exactly two negative components, for one map vector. */
    static double twoNegativesFraction(double[] z, int divisions) {
        long two = 0;
        for (int i = 1; i < divisions; i++) {
            for (int j = 1; i + j < divisions; j++) {
                if (negatives(i, j, divisions - i - j, z) == 2) two++;
            }
        }
        return (double) two / points(divisions);
    }

    /**
     * Negative components at the softmax proportional to {@code (a, b, c)}: scaling s by a positive constant
     * does not change the signs of {@code sum_k s_k (z_j - z_k)}, so the integer grid coordinates serve as s.
     */
    static int negatives(double a, double b, double c, double[] z) {
        // The k = j term of each sum is 0 and is left out.
        int n = 0;
        if (b * (z[0] - z[1]) + c * (z[0] - z[2]) < 0) n++;
        if (a * (z[1] - z[0]) + c * (z[1] - z[2]) < 0) n++;
        if (a * (z[2] - z[0]) + b * (z[2] - z[1]) < 0) n++;
        return n;
    }
}
