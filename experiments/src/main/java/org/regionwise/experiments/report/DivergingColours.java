package org.regionwise.experiments.report;

import java.awt.Color;

/**
 * ColorBrewer's red-blue diverging scale (RdBu, 5 classes, reversed): negative values blue, zero
 * near-white, positive values red. Diverging, because the sign of a Region-wise map is what matters
 * (negative on the true class pulls its softmax up, positive pushes the others down).
 */
final class DivergingColours {

    /** The stops at t = -1, -0.5, 0, 0.5, 1. */
    private static final int[][] STOPS = {
            {33, 102, 172}, {146, 197, 222}, {247, 247, 247}, {244, 165, 130}, {178, 24, 43}};

    private DivergingColours() {
    }

    /** The colour of {@code t} in {@code [-1, 1]} (clamped; NaN draws black), interpolated linearly in RGB. */
    static int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        double position = (Math.max(-1, Math.min(1, t)) + 1) * 2; // 0..4 over the stops
        int lower = Math.min(3, (int) Math.floor(position));
        double f = position - lower;
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            double v = (1 - f) * STOPS[lower][channel] + f * STOPS[lower + 1][channel];
            rgb = (rgb << 8) | (int) Math.round(v);
        }
        return rgb;
    }

    /** {@link #rgb} as a {@link Color}. */
    static Color colour(double t) {
        return new Color(rgb(t));
    }
}
