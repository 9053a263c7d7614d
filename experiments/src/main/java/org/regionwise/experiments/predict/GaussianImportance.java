package org.regionwise.experiments.predict;

/**
 * nnU-Net's importance map for sliding-window inference: a 2D Gaussian over the patch, centred on it,
 * with standard deviation 1/8 of the patch size along each axis, scaled so that its peak is 1 (the
 * scale cancels: predictions are divided by the summed weights). Tile
 * predictions are weighted by it before they are summed, so each pixel trusts the tiles that see it
 * near their centre (where the network has the most context) over those that see it at their border.
 *
 * <p>The centre is the geometric one, {@code ((h - 1) / 2, (w - 1) / 2)}, so the map is symmetric for
 * even sizes too (nnU-Net puts it on pixel {@code h // 2}, half a pixel off). The smallest value, at a
 * corner, is about {@code exp(-16)} (1e-7): positive, so every pixel a tile covers has a weight.
 */
public final class GaussianImportance {
    /** The standard deviation as a fraction of the patch size (nnU-Net's {@code sigma_scale}). */
    public static final double SIGMA_SCALE = 1.0 / 8;

    private GaussianImportance() {}

    /** The {@code h x w} map, row-major. */
    public static float[] map(int h, int w) {
        if (h < 1 || w < 1) throw new IllegalArgumentException("patch size must be positive, got " + h + "x" + w);
        double[] rows = profile(h), cols = profile(w);
        float[] out = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) out[r * w + c] = (float) (rows[r] * cols[c]);
        }
        return out;
    }

    /**
     * exp(-d^2 / (2 sigma^2)) along one axis of n pixels, divided by its largest value so that the map's
     * peak is 1 also for even sizes (whose centre falls between two pixels), as nnU-Net divides by the max.
     */
    private static double[] profile(int n) {
        double sigma = n * SIGMA_SCALE, centre = (n - 1) / 2.0;
        double[] p = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            double d = i - centre;
            p[i] = Math.exp(-d * d / (2 * sigma * sigma));
            max = Math.max(max, p[i]);
        }
        for (int i = 0; i < n; i++) p[i] /= max;
        return p;
    }
}
