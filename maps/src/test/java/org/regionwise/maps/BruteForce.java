package org.regionwise.maps;

/**
 * Obviously-correct reference twins of the fast code, in double precision: every distance is the
 * minimum over all voxels, by definition.
 */
final class BruteForce {

    private BruteForce() {
    }

    /** Distance of each {@code true} voxel to the nearest {@code false} voxel; 0 elsewhere. */
    static double[] edt(boolean[] mask, Grid grid) {
        int n = grid.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (!mask[i]) {
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            int[] ci = grid.coordinates(i);
            for (int j = 0; j < n; j++) {
                if (mask[j]) {
                    continue;
                }
                int[] cj = grid.coordinates(j);
                double sum = 0;
                for (int a = 0; a < ci.length; a++) {
                    double d = (ci[a] - cj[a]) * grid.spacing(a);
                    sum += d * d;
                }
                best = Math.min(best, sum);
            }
            out[i] = Math.sqrt(best);
        }
        return out;
    }

    static boolean[] not(boolean[] mask) {
        boolean[] out = new boolean[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = !mask[i];
        }
        return out;
    }

    static boolean[] classMask(int[] labels, int c) {
        boolean[] out = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] == c;
        }
        return out;
    }
}
