package org.regionwise.experiments.train;

import java.util.List;
import java.util.Objects;
import org.regionwise.autodiff.text.OneLine;

/**
 * What a trained model needs to know about its data, saved in every checkpoint: how to load the same
 * data again (for {@code evaluate} and {@code --resume}) and how to prepare a new image the way the
 * training slices were prepared (for {@code predict}).
 *
 * @param location           {@value #DEFAULT} for the default data set, else the nnU-Net raw folder
 * @param description        the data set's name, for reports
 * @param scale              in-plane downsampling factor of the default data set (1 for folders)
 * @param validationFraction share of cases held out, for folders (the default data set splits by hemisphere)
 * @param classNames         one name per class, index = label value
 * @param channelNames       one name per image channel
 * @param sliceAxis          the NIfTI axis the volumes were cut along (0 = x, 1 = y, 2 = z)
 * @param patchHeight        H of the training patches
 * @param patchWidth         W of the training patches
 * @param spacing            (row, column) pixel spacing in mm of the training slices: what the losses'
 *                           distance maps used, and what {@code predict} resamples new images to
 * @param resampledTo        {@code null} when a folder's volumes were sliced at their own spacing, else the
 *                           (row, column) spacing in mm every slice was resampled to ({@code train --spacing})
 * @param normalization      how images were normalised ({@value #ZSCORE}); {@code null} in a checkpoint
 *                           written before the preprocessing was recorded, whose spacing predict cannot trust
 * @param fold               the fold of the folder's {@code splits_final.json} ({@code --fold}), or -1 when the
 *                           split came from {@code validationFraction}
 */
public record DataSpec(String location, String description, int scale, double validationFraction,
                       List<String> classNames, List<String> channelNames, int sliceAxis,
                       int patchHeight, int patchWidth, double[] spacing, double[] resampledTo, String normalization,
                       int fold) {
    /** The {@code --data} value of the default data set. */
    public static final String DEFAULT = "default";
    /** Per-image z-score of each channel over its whole volume (SPEC section 5), the only normalisation so far. */
    public static final String ZSCORE = "zscore_per_image";

    /** A data set sliced at its own spacing and z-scored per image: what every training run so far records. */
    public DataSpec(String location, String description, int scale, double validationFraction, List<String> classNames,
                    List<String> channelNames, int sliceAxis, int patchHeight, int patchWidth, double[] spacing) {
        this(location, description, scale, validationFraction, classNames, channelNames, sliceAxis, patchHeight, patchWidth,
                spacing, null, ZSCORE, -1);
    }

    /** Checks the values and copies the lists. */
    public DataSpec {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        classNames = List.copyOf(classNames);
        channelNames = List.copyOf(channelNames);
        if (classNames.size() < 2) throw new IllegalArgumentException("a segmentation needs at least 2 classes, got " + classNames);
        if (channelNames.isEmpty()) throw new IllegalArgumentException("a data set needs at least one channel");
        if (scale < 1) throw new IllegalArgumentException("scale must be >= 1, got " + scale);
        if (sliceAxis < 0 || sliceAxis > 2) throw new IllegalArgumentException("slice axis must be 0, 1 or 2, got " + sliceAxis);
        if (patchHeight < 1 || patchWidth < 1) throw new IllegalArgumentException("patch size must be positive");
        if (spacing == null || spacing.length != 2 || !(spacing[0] > 0) || !(spacing[1] > 0)) {
            throw new IllegalArgumentException("spacing needs two positive values (rows, columns)");
        }
        spacing = spacing.clone();
        if (resampledTo != null) {
            if (resampledTo.length != 2 || !(resampledTo[0] > 0) || !(resampledTo[1] > 0) || Double.isInfinite(resampledTo[0])
                    || Double.isInfinite(resampledTo[1])) {
                throw new IllegalArgumentException("the resampling target needs two positive values (rows, columns)");
            }
            if (isDefault()) throw new IllegalArgumentException("the default data set is resampled by its scale, not to a spacing");
            resampledTo = resampledTo.clone();
        }
        if (normalization != null && !normalization.equals(ZSCORE)) {
            throw new IllegalArgumentException("unknown normalisation '" + OneLine.visible(normalization) + "' (this build knows " + ZSCORE + ")");
        }
        if (fold < -1) throw new IllegalArgumentException("fold must be >= 0, or -1 for none, got " + fold);
    }

    /** A spec with its preprocessing recorded, whose split is by validation fraction (no fold). */
    public DataSpec(String location, String description, int scale, double validationFraction, List<String> classNames,
                    List<String> channelNames, int sliceAxis, int patchHeight, int patchWidth, double[] spacing,
                    double[] resampledTo, String normalization) {
        this(location, description, scale, validationFraction, classNames, channelNames, sliceAxis, patchHeight, patchWidth,
                spacing, resampledTo, normalization, -1);
    }

    /** Whether the split is a fold of {@code splits_final.json}. */
    public boolean hasFold() {
        return fold >= 0;
    }

    /** Whether the checkpoint recorded its preprocessing (training spacing, normalisation), so predict can check a spacing. */
    public boolean preprocessingRecorded() {
        return normalization != null;
    }

    /** This description with the training slices' spacing and folder resampling target set to {@code rowsColumns}. */
    public DataSpec withResampling(double[] rowsColumns) {
        return new DataSpec(location, description, scale, validationFraction, classNames, channelNames, sliceAxis, patchHeight,
                patchWidth, rowsColumns, rowsColumns, normalization, fold);
    }

    /** Whether this is the default data set. */
    public boolean isDefault() {
        return DEFAULT.equals(location);
    }

    public int classCount() {
        return classNames.size();
    }

    public int channelCount() {
        return channelNames.size();
    }

    @Override
    public double[] spacing() {
        return spacing.clone();
    }

    @Override
    public double[] resampledTo() {
        return resampledTo == null ? null : resampledTo.clone();
    }
}
