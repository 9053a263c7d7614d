package org.regionwise.autodiff.cpu;

/**
 * Grow-only scratch buffers, one set per worker thread (and one shared set per kernel instance). A buffer
 * is reallocated only when a larger size is asked for, so the steady state of a training loop, which
 * repeats the same shapes, allocates nothing. Contents are not cleared between uses.
 */
final class Scratch {
    /** Slot names: one buffer each. */
    static final int PANEL_A = 0;
    static final int PANEL_B = 1;
    static final int TILE = 2;
    static final int SOURCE = 3;
    static final int ACCUMULATOR = 4;
    /** Winograd: transformed weights, transformed input tiles, products before the output transform. */
    static final int WINOGRAD_WEIGHTS = 5;
    static final int WINOGRAD_IN = 6;
    static final int WINOGRAD_OUT = 7;
    private static final int SLOTS = 8;

    private final float[][] floats = new float[SLOTS][];
    private final int[][] ints = new int[SLOTS][];

    float[] floats(int slot, int size) {
        float[] f = floats[slot];
        if (f == null || f.length < size) {
            f = new float[size];
            floats[slot] = f;
        }
        return f;
    }

    int[] ints(int slot, int size) {
        int[] i = ints[slot];
        if (i == null || i.length < size) {
            i = new int[size];
            ints[slot] = i;
        }
        return i;
    }

    /** Bytes currently held, for allocation reports. */
    long bytes() {
        long b = 0;
        for (float[] f : floats) if (f != null) b += 4L * f.length;
        for (int[] i : ints) if (i != null) b += 4L * i.length;
        return b;
    }
}
