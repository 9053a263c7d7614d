package org.regionwise.experiments.report;

import java.util.Arrays;

/**
 * The intensity range shown as black to white. Values at or below {@code low} are black, at or
 * above {@code high} white, linear between.
 *
 * @param low  the intensity drawn black
 * @param high the intensity drawn white; greater than {@code low}
 */
public record IntensityWindow(double low, double high) {

    /** The percentiles nnU-Net clips CT intensities to: robust against a few extreme voxels. */
    public static final double DEFAULT_LOW_PERCENTILE = 0.5;
    /** Upper counterpart of {@link #DEFAULT_LOW_PERCENTILE}. */
    public static final double DEFAULT_HIGH_PERCENTILE = 99.5;

    /** Checks that the window is a finite, non-empty range. */
    public IntensityWindow {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
            throw new IllegalArgumentException("an intensity window needs finite low < high, got [" + low + ", " + high + "]");
        }
    }

    /** {@link #percentiles} at 0.5 and 99.5. */
    public static IntensityWindow of(float[] image) {
        return percentiles(image, DEFAULT_LOW_PERCENTILE, DEFAULT_HIGH_PERCENTILE);
    }

    /**
     * The window between two percentiles (nearest rank) of the finite values of {@code image}. A
     * constant image gets a window of width 1 around its value, so it shows as mid-grey rather than
     * failing.
     *
     * @throws IllegalArgumentException when the image has no finite value or the percentiles are not
     *                                  {@code 0 <= lowPercentile < highPercentile <= 100}
     */
    public static IntensityWindow percentiles(float[] image, double lowPercentile, double highPercentile) {
        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100)) {
            throw new IllegalArgumentException("percentiles must satisfy 0 <= low < high <= 100, got "
                    + lowPercentile + " and " + highPercentile);
        }
        float[] finite = Arrays.copyOf(image, image.length);
        int n = 0;
        for (float v : image) {
            if (Float.isFinite(v)) {
                finite[n++] = v;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the image has no finite value to window");
        }
        Arrays.sort(finite, 0, n);
        double low = finite[rank(lowPercentile, n)];
        double high = finite[rank(highPercentile, n)];
        if (!(high > low)) {
            return new IntensityWindow(low - 0.5, low + 0.5);
        }
        return new IntensityWindow(low, high);
    }

    /** The grey level 0..255 of an intensity; NaN draws black. */
    public int grey(double value) {
        if (!(value > low)) {
            return 0;
        }
        if (value >= high) {
            return 255;
        }
        return (int) Math.round(255 * (value - low) / (high - low));
    }

    private static int rank(double percentile, int n) {
        return (int) Math.min(n - 1, Math.max(0, Math.round(percentile / 100 * (n - 1))));
    }
}
