package org.regionwise.experiments.report;

/**
 * One 2D slice to draw with its reference and predicted labels, all row-major {@code (height, width)}.
 * The arrays are shared, not copied.
 *
 * @param height     rows
 * @param width      columns
 * @param image      intensity of each pixel (non-finite values draw black)
 * @param truth      reference class of each pixel, {@code >= 0}
 * @param prediction predicted class of each pixel, {@code >= 0}
 */
public record OverlaySlice(int height, int width, float[] image, int[] truth, int[] prediction) {

    /** Checks that all three arrays have {@code height * width} entries and that labels are not negative. */
    public OverlaySlice {
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException("a slice needs height and width >= 1, got " + height + "x" + width);
        }
        int n = Math.multiplyExact(height, width);
        if (image == null || truth == null || prediction == null) {
            throw new IllegalArgumentException("a slice needs an image, a truth and a prediction");
        }
        if (image.length != n || truth.length != n || prediction.length != n) {
            throw new IllegalArgumentException("a " + height + "x" + width + " slice needs " + n + " pixels; got image "
                    + image.length + ", truth " + truth.length + ", prediction " + prediction.length);
        }
        checkLabels("truth", truth, width);
        checkLabels("prediction", prediction, width);
    }

    /**
     * Axial slice {@code z} of three row-major {@code (depth, height, width)} volumes (a NIfTI volume's
     * data as read, depth = nz), copied out.
     *
     * @throws IllegalArgumentException when a volume has the wrong size or {@code z} is outside it
     */
    public static OverlaySlice axial(int depth, int height, int width, int z, float[] image, int[] truth, int[] prediction) {
        int n = Math.multiplyExact(height, width);
        long voxels = (long) depth * n;
        if (image == null || truth == null || prediction == null || image.length != voxels || truth.length != voxels
                || prediction.length != voxels) {
            throw new IllegalArgumentException("a " + depth + "x" + height + "x" + width + " volume needs " + voxels
                    + " voxels in the image, truth and prediction");
        }
        if (z < 0 || z >= depth) {
            throw new IllegalArgumentException("slice " + z + " is outside a volume of depth " + depth);
        }
        float[] img = new float[n];
        int[] t = new int[n];
        int[] p = new int[n];
        System.arraycopy(image, z * n, img, 0, n);
        System.arraycopy(truth, z * n, t, 0, n);
        System.arraycopy(prediction, z * n, p, 0, n);
        return new OverlaySlice(height, width, img, t, p);
    }

    /**
     * The axial slice of a row-major {@code (depth, height, width)} label volume with the most
     * foreground (label > 0) voxels, the lowest such z on ties; 0 for an all-background volume. The
     * slice a report shows when nobody chose one.
     */
    public static int mostForegroundSlice(int[] labels, int depth, int height, int width) {
        int n = Math.multiplyExact(height, width);
        if (labels == null || labels.length != (long) depth * n) {
            throw new IllegalArgumentException("a " + depth + "x" + height + "x" + width + " volume needs "
                    + ((long) depth * n) + " labels, got " + (labels == null ? "null" : labels.length));
        }
        int best = 0;
        long bestCount = -1;
        for (int z = 0; z < depth; z++) {
            long count = 0;
            for (int i = z * n; i < (z + 1) * n; i++) {
                count += labels[i] > 0 ? 1 : 0;
            }
            if (count > bestCount) {
                best = z;
                bestCount = count;
            }
        }
        return best;
    }

    private static void checkLabels(String which, int[] labels, int width) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(which + " label " + labels[i] + " at row " + i / width + ", column "
                        + i % width + " is negative");
            }
        }
    }
}
