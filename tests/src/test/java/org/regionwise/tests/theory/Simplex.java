package org.regionwise.tests.theory;

/** Softmax vectors and the per-pixel slices of channel-major maps the theory properties work with. */
final class Simplex {
    private Simplex() {}

    /** Softmax of logits in double, maximum subtracted: every component strictly positive for bounded logits. */
    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : logits) max = Math.max(max, x);
        double sum = 0;
        double[] s = new double[logits.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(logits[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) s[k] /= sum;
        return s;
    }

    /** The C-vector of pixel {@code i} of image {@code b} in a (B, C, N) array. */
    static double[] pixel(float[] bcn, int b, int classes, int pixels, int i) {
        double[] v = new double[classes];
        for (int k = 0; k < classes; k++) v[k] = bcn[(b * classes + k) * pixels + i];
        return v;
    }

    /** A point with mass 1 - (C-1) delta on class {@code heavy} and delta on each other class. */
    static double[] concentratedOn(int classes, int heavy, double delta) {
        double[] s = new double[classes];
        java.util.Arrays.fill(s, delta);
        s[heavy] = 1 - (classes - 1) * delta;
        return s;
    }
}
