package org.regionwise.maps;

/** Reference twins of the maps, straight from SPEC.md's formulas over brute-force distances. */
final class ReferenceMaps {

    private ReferenceMaps() {
    }

    /** RRW with channel c's value at voxels of class t != c given by {@code other[c][t]}. */
    static double[] rrw(int[] labels, Grid grid, int classes, float[][] other) {
        int n = labels.length;
        double[] z = new double[classes * n];
        for (int c = 0; c < classes; c++) {
            boolean[] s = BruteForce.classMask(labels, c);
            double[] d = BruteForce.edt(s, grid);
            double max = 0;
            for (int i = 0; i < n; i++) {
                if (s[i]) {
                    max = Math.max(max, d[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                if (!s[i]) {
                    z[c * n + i] = other[c][labels[i]];
                } else {
                    z[c * n + i] = Double.isInfinite(max) ? -1 : -d[i] / max;
                }
            }
        }
        return z;
    }

    /** {@code edt(~S)*~S - (edt(S) - shift)*S}, 0 for an absent or full class. */
    static double[] boundary(int[] labels, Grid grid, int classes, double shift) {
        int n = labels.length;
        double[] z = new double[classes * n];
        for (int c = 0; c < classes; c++) {
            boolean[] s = BruteForce.classMask(labels, c);
            if (emptyOrFull(s)) {
                continue;
            }
            double[] inside = BruteForce.edt(s, grid);
            double[] outside = BruteForce.edt(BruteForce.not(s), grid);
            for (int i = 0; i < n; i++) {
                z[c * n + i] = s[i] ? -(inside[i] - shift) : outside[i];
            }
        }
        return z;
    }

    /** {@code (edt(S) + edt(~S))^alpha}, 0 for an absent or full class. */
    static double[] hd(int[] labels, Grid grid, int classes, double alpha) {
        int n = labels.length;
        double[] z = new double[classes * n];
        for (int c = 0; c < classes; c++) {
            boolean[] s = BruteForce.classMask(labels, c);
            if (emptyOrFull(s)) {
                continue;
            }
            double[] inside = BruteForce.edt(s, grid);
            double[] outside = BruteForce.edt(BruteForce.not(s), grid);
            for (int i = 0; i < n; i++) {
                z[c * n + i] = Math.pow(inside[i] + outside[i], alpha);
            }
        }
        return z;
    }

    private static boolean emptyOrFull(boolean[] s) {
        boolean any = false;
        boolean all = true;
        for (boolean b : s) {
            any |= b;
            all &= b;
        }
        return !any || all;
    }
}
