package org.regionwise.experiments.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A NIfTI-1 image in memory: its header and its voxel values, scaled, in NIfTI order (x fastest, then
 * y, z, ...). Read as row-major, that order is exactly a (z, y, x) array: no reordering is needed to
 * hand a volume to code that wants (D, H, W).
 *
 * <p>The data array is shared, not copied (images are large, and this is a plain data carrier).
 *
 * @param header the header (its dims fix the data length)
 * @param data   one float per voxel
 */
public record NiftiImage(NiftiHeader header, float[] data) {
    /** Labels may be stored as floats; this far from an integer they are not labels. */
    private static final double LABEL_TOLERANCE = 1e-3;

    /** Checks that the data has exactly one value per voxel of the header. */
    public NiftiImage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(data, "data");
        if (data.length != header.voxelCount()) {
            throw new IllegalArgumentException("data has " + data.length + " values but dims "
                    + Arrays.toString(header.dims()) + " make " + header.voxelCount() + " voxels");
        }
    }

    /** A float32 image on {@code reference}'s grid and orientation (see {@link NiftiHeader#like}). */
    public static NiftiImage float32Like(NiftiHeader reference, int[] dims, float[] data) {
        return new NiftiImage(NiftiHeader.like(reference, NiftiDataType.FLOAT32, dims), data);
    }

    /**
     * A uint8 label image on {@code reference}'s spatial grid (its first three axes at most).
     *
     * @throws IllegalArgumentException if a label is outside 0..255 or the count does not match the grid
     */
    public static NiftiImage uint8Like(NiftiHeader reference, int[] labels) {
        return labelsLike(reference, NiftiDataType.UINT8, labels);
    }

    /**
     * An int16 label image on {@code reference}'s spatial grid (its first three axes at most).
     *
     * @throws IllegalArgumentException if a label is outside -32768..32767 or the count does not match the grid
     */
    public static NiftiImage int16Like(NiftiHeader reference, int[] labels) {
        return labelsLike(reference, NiftiDataType.INT16, labels);
    }

    private static NiftiImage labelsLike(NiftiHeader reference, NiftiDataType type, int[] labels) {
        int[] dims = Arrays.copyOf(reference.dims(), Math.min(3, reference.rank()));
        float[] data = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (!type.canHold(labels[i])) {
                throw new IllegalArgumentException("label " + labels[i] + " at voxel " + i + " does not fit " + type);
            }
            data[i] = labels[i];
        }
        return new NiftiImage(NiftiHeader.like(reference, type, dims), data);
    }

    /** A copy of the axis sizes, x first. */
    public int[] dims() { return header.dims(); }

    /** Voxel size along each axis, x first (see {@link NiftiHeader#spacing()}). */
    public double[] spacing() { return header.spacing(); }

    /**
     * The values as integer labels, rounded.
     *
     * @throws IllegalStateException naming the first voxel whose value is not (within 1e-3) an integer
     *                               in int range: then this image does not hold labels
     */
    public int[] labels() {
        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            double r = Math.rint(data[i]);
            if (!(Math.abs(data[i] - r) <= LABEL_TOLERANCE) || r < Integer.MIN_VALUE || r > Integer.MAX_VALUE) {
                throw new IllegalStateException("not a label image: voxel " + i + " holds " + data[i]);
            }
            labels[i] = (int) r;
        }
        return labels;
    }

    /** Writes this image to {@code file} (.nii or .nii.gz); see {@link NiftiWriter}. */
    public void write(Path file) throws IOException {
        NiftiWriter.write(file, this);
    }
}
