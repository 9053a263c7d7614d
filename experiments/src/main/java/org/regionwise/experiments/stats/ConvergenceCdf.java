package org.regionwise.experiments.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The convergence CDF of the paper's Eq. 8: over M trained models with final (validation) Dice
 * {@code Dice_m}, {@code F(x) = (1/M) sum_m 1[Dice_m <= x]}, the fraction of models that reached at
 * most {@code x}. A loss whose curve lies further right converges to better models more reliably.
 *
 * <p>Immutable; the values are copied and sorted once, so {@link #evaluate(double)} is a binary
 * search.
 */
public final class ConvergenceCdf {

    /**
     * One step of the curve: {@code F(dice) = fraction}, where {@code dice} is a value some model
     * reached.
     */
    public record Point(double dice, double fraction) {
    }

    private final double[] sorted;

    /**
     * @param dice final Dice of each of the M models, at least one, all finite
     * @throws IllegalArgumentException when {@code dice} is missing or empty or holds NaN or infinity
     */
    public ConvergenceCdf(double[] dice) {
        if (dice == null || dice.length == 0) {
            throw new IllegalArgumentException("a convergence CDF needs the Dice of at least one model");
        }
        for (int m = 0; m < dice.length; m++) {
            if (!Double.isFinite(dice[m])) {
                throw new IllegalArgumentException("model " + m + " has Dice " + dice[m] + "; values must be finite");
            }
        }
        sorted = dice.clone();
        Arrays.sort(sorted);
    }

    /** Number of models M. */
    public int models() {
        return sorted.length;
    }

    /** {@code F(x)}: the fraction of models with Dice {@code <= x}, in {@code [0, 1]}. */
    public double evaluate(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("F(x) needs a number, got NaN");
        }
        return (double) countAtMost(x) / sorted.length;
    }

    /**
     * The curve for plotting: each distinct Dice value in ascending order with {@code F} at it. The
     * CDF is a right-continuous step function that is 0 left of the first point, jumps at each point
     * to its fraction, and ends at 1.
     */
    public List<Point> points() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            boolean lastOfItsValue = i == sorted.length - 1 || sorted[i + 1] != sorted[i];
            if (lastOfItsValue) {
                points.add(new Point(sorted[i], (double) (i + 1) / sorted.length));
            }
        }
        return List.copyOf(points);
    }

    /** Number of sorted values {@code <= x}: the first index holding a larger value. */
    private int countAtMost(double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
