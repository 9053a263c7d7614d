package org.regionwise.experiments.predict;

/**
 * nnU-Net's sliding-window inference over one 2D image: tiles of the training patch size, overlapping by
 * half a patch (step 0.5), each tile's softmax weighted by a {@link GaussianImportance} map and summed,
 * the sum divided by the summed weights. An image smaller than the patch along an axis is padded with
 * zeros (the mean of a z-scored image) to the patch, centred, as nnU-Net pads, and cropped back after.
 *
 * <p>Tiles go through the network {@code batch} at a time; results do not depend on the batch size.
 */
public final class SlidingWindow {
    /** Tile step as a fraction of the patch (nnU-Net's {@code tile_step_size}). */
    public static final double STEP = 0.5;

    private final TileNetwork network;
    private final int patchHeight, patchWidth, batch;
    private final float[] gaussian;

    /**
     * @param network     the network
     * @param patchHeight tile rows (the training patch's)
     * @param patchWidth  tile columns
     * @param batch       tiles per forward pass
     */
    public SlidingWindow(TileNetwork network, int patchHeight, int patchWidth, int batch) {
        if (patchHeight < 1 || patchWidth < 1) throw new IllegalArgumentException("patch must be positive, got " + patchHeight + "x" + patchWidth);
        if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        this.network = network;
        this.patchHeight = patchHeight;
        this.patchWidth = patchWidth;
        this.batch = batch;
        this.gaussian = GaussianImportance.map(patchHeight, patchWidth);
    }

    /**
     * The start of every tile along an axis of {@code size} pixels for tiles of {@code patch} (<= size):
     * nnU-Net's {@code compute_steps_for_sliding_window}. The fewest tiles whose step is at most
     * {@code STEP * patch}, spread evenly so that the first starts at 0 and the last ends at the edge.
     */
    public static int[] starts(int size, int patch) {
        if (patch < 1 || size < patch) throw new IllegalArgumentException("need 1 <= patch <= size, got patch " + patch + ", size " + size);
        double target = patch * STEP;
        int count = (int) Math.ceil((size - patch) / target) + 1;
        int[] out = new int[count];
        if (count == 1) return out;
        double step = (size - patch) / (double) (count - 1);
        for (int i = 0; i < count; i++) out[i] = (int) Math.round(step * i);
        return out;
    }

    /**
     * Softmax probabilities {@code (classes, h, w)} row-major for the image {@code (channels, h, w)}.
     */
    public float[] probabilities(float[] image, int h, int w) {
        int channels = network.inChannels(), classes = network.classes();
        if (image.length != (long) channels * h * w) {
            throw new IllegalArgumentException("expected " + channels + "x" + h + "x" + w + " image values, got " + image.length);
        }
        int ph = Math.max(h, patchHeight), pw = Math.max(w, patchWidth);
        int top = (ph - h) / 2, left = (pw - w) / 2;
        float[] padded = pad(image, channels, h, w, ph, pw, top, left);

        int[] rows = starts(ph, patchHeight), cols = starts(pw, patchWidth);
        int tiles = rows.length * cols.length, tilePixels = patchHeight * patchWidth;
        double[] sum = new double[classes * ph * pw];
        double[] weight = new double[ph * pw];
        for (int first = 0; first < tiles; first += batch) {
            int n = Math.min(batch, tiles - first);
            float[] batchImages = new float[n * channels * tilePixels];
            for (int b = 0; b < n; b++) {
                int r0 = rows[(first + b) / cols.length], c0 = cols[(first + b) % cols.length];
                for (int ch = 0; ch < channels; ch++) {
                    for (int r = 0; r < patchHeight; r++) {
                        System.arraycopy(padded, (ch * ph + r0 + r) * pw + c0, batchImages,
                                ((b * channels + ch) * patchHeight + r) * patchWidth, patchWidth);
                    }
                }
            }
            float[] logits = network.logits(batchImages, n, patchHeight, patchWidth);
            if (logits.length != (long) n * classes * tilePixels) {
                throw new IllegalStateException("the network returned " + logits.length + " logits for " + n + " tiles of "
                        + patchHeight + "x" + patchWidth + " and " + classes + " classes");
            }
            for (int b = 0; b < n; b++) {
                int r0 = rows[(first + b) / cols.length], c0 = cols[(first + b) % cols.length];
                accumulate(logits, b * classes * tilePixels, classes, r0, c0, ph, pw, sum, weight);
            }
        }
        float[] out = new float[classes * h * w];
        for (int k = 0; k < classes; k++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    int at = (r + top) * pw + c + left;
                    out[(k * h + r) * w + c] = (float) (sum[k * ph * pw + at] / weight[at]);
                }
            }
        }
        return out;
    }

    /** Adds one tile's Gaussian-weighted softmax (max-shifted, in double) to the running sums. */
    private void accumulate(float[] logits, int offset, int classes, int r0, int c0, int ph, int pw, double[] sum, double[] weight) {
        int tilePixels = patchHeight * patchWidth;
        double[] e = new double[classes];
        for (int r = 0; r < patchHeight; r++) {
            for (int c = 0; c < patchWidth; c++) {
                int p = r * patchWidth + c;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < classes; k++) max = Math.max(max, logits[offset + k * tilePixels + p]);
                double total = 0;
                for (int k = 0; k < classes; k++) total += e[k] = Math.exp(logits[offset + k * tilePixels + p] - max);
                double g = gaussian[p];
                int at = (r0 + r) * pw + c0 + c;
                weight[at] += g;
                for (int k = 0; k < classes; k++) sum[k * ph * pw + at] += g * e[k] / total;
            }
        }
    }

    /** The image centred in a zero canvas of (ph, pw); the image itself when no padding is needed. */
    private static float[] pad(float[] image, int channels, int h, int w, int ph, int pw, int top, int left) {
        if (ph == h && pw == w) return image;
        float[] out = new float[channels * ph * pw];
        for (int ch = 0; ch < channels; ch++) {
            for (int r = 0; r < h; r++) System.arraycopy(image, (ch * h + r) * w, out, (ch * ph + r + top) * pw + left, w);
        }
        return out;
    }
}
