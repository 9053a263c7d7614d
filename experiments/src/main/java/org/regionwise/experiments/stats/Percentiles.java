package org.regionwise.experiments.stats;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between order statistics: numpy's default
 * ({@code np.percentile(x, q)}, method {@code "linear"}), R's type 7 and Commons Math's
 * {@code Percentile.EstimationType.R_7}.
 *
 * <p>For sorted values {@code x[0..n-1]} the {@code q}-th percentile sits at the virtual index
 * {@code h = (n - 1) * q / 100}: {@code x[floor h] + (h - floor h) * (x[floor h + 1] - x[floor h])}.
 * HD95 is defined with this estimator by MedPy, nnU-Net and MONAI, so the same numbers come out here.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The {@code percent}-th percentile of {@code values} (which are not modified).
     *
     * @param percent in {@code [0, 100]}
     * @throws IllegalArgumentException when {@code values} is empty or holds a NaN, or {@code percent}
     *                                  is out of range
     */
    public static double linear(double[] values, double percent) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            // Arrays.sort puts NaN last; numpy would return NaN, which must not leak into a table.
            throw new IllegalArgumentException("values hold NaN; percentiles are undefined");
        }
        return linearOfSorted(sorted, percent);
    }

    /**
     * {@link #linear(double[], double)} of values already sorted ascending, without copying them.
     */
    public static double linearOfSorted(double[] sorted, double percent) {
        if (sorted == null || sorted.length == 0) {
            throw new IllegalArgumentException("a percentile needs at least one value");
        }
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must lie in [0, 100], got " + percent);
        }
        // Same order of operations as numpy: the fraction q / 100 first, then times (n - 1).
        double h = (sorted.length - 1) * (percent / 100.0);
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = h - below;
        return sorted[below] + fraction * (sorted[below + 1] - sorted[below]);
    }
}
