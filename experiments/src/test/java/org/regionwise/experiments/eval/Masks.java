package org.regionwise.experiments.eval;

import org.regionwise.maps.Grid;

/** Small builders of test masks and label images. */
final class Masks {

    private Masks() {
    }

    /** A 2D mask with the rectangle rows {@code [r0, r1]}, columns {@code [c0, c1]} (inclusive) set. */
    static boolean[] rectangle(Grid grid, int r0, int r1, int c0, int c1) {
        boolean[] m = new boolean[grid.size()];
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                m[r * grid.dim(1) + c] = true;
            }
        }
        return m;
    }

    /** A 3D mask with the box {@code [d0, d1] x [h0, h1] x [w0, w1]} (inclusive) set. */
    static boolean[] box(Grid grid, int d0, int d1, int h0, int h1, int w0, int w1) {
        boolean[] m = new boolean[grid.size()];
        for (int d = d0; d <= d1; d++) {
            for (int h = h0; h <= h1; h++) {
                for (int w = w0; w <= w1; w++) {
                    m[(d * grid.dim(1) + h) * grid.dim(2) + w] = true;
                }
            }
        }
        return m;
    }

    /** The labels of a string of digits, one per voxel. */
    static int[] labels(String digits) {
        int[] labels = new int[digits.length()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = digits.charAt(i) - '0';
        }
        return labels;
    }

    /** The voxels equal to {@code c}. */
    static boolean[] classMask(int[] labels, int c) {
        boolean[] m = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            m[i] = labels[i] == c;
        }
        return m;
    }

    static boolean[] not(boolean[] mask) {
        boolean[] m = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            m[i] = !mask[i];
        }
        return m;
    }
}
