package org.regionwise.experiments.predict;

import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.data.SliceAxis;

/**
 * An image's in-plane spacing against the model's training spacing, in the (x, y) order of the slice's
 * columns and rows (NIfTI x, y for axial slices).
 *
 * @param axes      NIfTI names of the slice's column and row axes
 * @param image     the image's (columns, rows) spacing in mm
 * @param training  the training (columns, rows) spacing in mm
 * @param deviation the largest relative difference, |image - training| / training, over the two axes
 */
public record SpacingCheck(List<String> axes, double[] image, double[] training, double deviation) {

    /**
     * @param sliceAxis       the training slicing axis
     * @param imageSpacing    the image's voxel size (x, y, z)
     * @param trainingRowsCols the training slices' (row, column) spacing
     */
    public static SpacingCheck of(int sliceAxis, double[] imageSpacing, double[] trainingRowsCols) {
        double col = imageSpacing[sliceAxis == SliceAxis.X ? 1 : 0];
        double row = imageSpacing[sliceAxis == SliceAxis.Z ? 1 : 2];
        List<String> axes = switch (sliceAxis) {
            case SliceAxis.Z -> List.of("x", "y");
            case SliceAxis.Y -> List.of("x", "z");
            default -> List.of("y", "z");
        };
        double[] image = {col, row}, training = {trainingRowsCols[1], trainingRowsCols[0]};
        double deviation = Math.max(Math.abs(col - training[0]) / training[0], Math.abs(row - training[1]) / training[1]);
        return new SpacingCheck(axes, image, training, deviation);
    }

    /** Whether inference resamples (the spacings differ by more than {@link VolumeInference#SAME_SPACING}). */
    public boolean resamples() {
        return deviation > VolumeInference.SAME_SPACING;
    }

    /** One line saying what inference does about the spacing. */
    public String describe() {
        String at = "image " + pair(image) + " mm (" + axes.get(0) + ", " + axes.get(1) + ")";
        if (!resamples()) return "spacing: " + at + ", as trained: not resampled";
        return String.format(Locale.ROOT, "spacing: %s, model trained at %s mm (%.0f%% apart): each slice resampled to %s mm"
                + " (cubic) for the network, probabilities back to the image grid (linear)", at, pair(training), 100 * deviation,
                pair(training));
    }

    private static String pair(double[] v) {
        return InputImage.mm(v[0]) + "x" + InputImage.mm(v[1]);
    }
}
