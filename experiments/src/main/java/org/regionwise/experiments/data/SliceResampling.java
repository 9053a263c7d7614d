package org.regionwise.experiments.data;

/**
 * A training slice resampled in-plane to a target spacing, as nnU-Net resamples its training data:
 * the image with the cubic kernel, the labels one class at a time (each class's mask linearly
 * interpolated, the class with the largest value winning, the first on ties), since interpolated class
 * ids mean nothing.
 */
public final class SliceResampling {
    private SliceResampling() {}

    /**
     * {@code slice} on the grid of spacing {@code (rowSpacing, columnSpacing)} over the same field of view
     * ({@link Resampling}); returned as it is when its spacing already matches to within 1e-3.
     *
     * @param classes the number of classes (labels are 0..classes-1)
     */
    public static Slice resample(Slice slice, double rowSpacing, double columnSpacing, int classes) {
        if (same(slice.dy(), rowSpacing) && same(slice.dx(), columnSpacing)) return slice;
        int h = slice.height(), w = slice.width();
        int th = Resampling.resizedLength(h, slice.dy(), rowSpacing), tw = Resampling.resizedLength(w, slice.dx(), columnSpacing);
        float[] image = Resampling.resize(slice.image(), slice.channels(), h, w, th, tw, Interpolation.CUBIC);
        float[] masks = new float[classes * h * w];
        for (int p = 0; p < h * w; p++) masks[slice.label()[p] * h * w + p] = 1;
        float[] soft = Resampling.resize(masks, classes, h, w, th, tw, Interpolation.LINEAR);
        int plane = th * tw;
        int[] label = new int[plane];
        for (int p = 0; p < plane; p++) {
            int best = 0;
            for (int c = 1; c < classes; c++) if (soft[c * plane + p] > soft[best * plane + p]) best = c;
            label[p] = best;
        }
        return new Slice(slice.volumeId(), slice.sliceIndex(), slice.channels(), th, tw, image, label, rowSpacing, columnSpacing,
                slice.dz());
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-3 * Math.max(a, b);
    }
}
