package org.regionwise.experiments.paper;

/**
 * ColorBrewer's sequential "Blues" scale (5 classes), interpolated linearly in RGB: 0 near-white, 1 dark
 * blue. For a quantity of one sign, such as the true-class gradients of Fig. 4 (all negative), where a
 * diverging scale would waste half its colours.
 */
final class SequentialColours {
    private static final int[][] STOPS = {{247, 251, 255}, {198, 219, 239}, {107, 174, 214}, {33, 113, 181}, {8, 48, 107}};

    private SequentialColours() {}

    /** The colour of {@code t} in {@code [0, 1]} (clamped) as 0xRRGGBB. */
    static int rgb(double t) {
        double position = Math.max(0, Math.min(1, Double.isNaN(t) ? 0 : t)) * (STOPS.length - 1);
        int lower = Math.min(STOPS.length - 2, (int) Math.floor(position));
        double f = position - lower;
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            rgb = (rgb << 8) | (int) Math.round((1 - f) * STOPS[lower][channel] + f * STOPS[lower + 1][channel]);
        }
        return rgb;
    }
}
