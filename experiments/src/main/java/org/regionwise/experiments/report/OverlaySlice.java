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

    private static void checkLabels(String which, int[] labels, int width) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException(which + " label " + labels[i] + " at row " + i / width + ", column "
                        + i % width + " is negative");
            }
        }
    }
}
