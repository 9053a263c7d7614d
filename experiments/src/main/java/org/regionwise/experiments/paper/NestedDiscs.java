package org.regionwise.experiments.paper;

/**
 * The synthetic three-class label map of Fig. 2, built deterministically: a 64 x 64 image of background
 * (class 0) holding a disc of class 1 (radius 24) that holds a concentric disc of class 2 (radius 10),
 * both centred on pixel (32, 32). A pixel belongs to a disc when its centre lies within the radius.
 *
 * <p>Three nested regions give every pixel three different boundary distances, which is what makes the
 * RW-Boundary vector of a pixel unequal in its wrong-class components (the paper's instability).
 */
final class NestedDiscs {
    static final int SIZE = 64;
    static final int CENTRE = 32;
    static final int OUTER_RADIUS = 24;
    static final int INNER_RADIUS = 10;
    static final int CLASSES = 3;

    private NestedDiscs() {}

    /** The labels, row-major {@code SIZE x SIZE}. */
    static int[] labels() {
        int[] labels = new int[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int dy = y - CENTRE;
                int dx = x - CENTRE;
                int r2 = dy * dy + dx * dx;
                labels[y * SIZE + x] = r2 <= INNER_RADIUS * INNER_RADIUS ? 2 : r2 <= OUTER_RADIUS * OUTER_RADIUS ? 1 : 0;
            }
        }
        return labels;
    }

    static String describe() {
        return SIZE + "x" + SIZE + " nested discs centred at (" + CENTRE + "," + CENTRE + "): class 1 radius " + OUTER_RADIUS
                + ", class 2 radius " + INNER_RADIUS + ", background class 0";
    }
}
