package org.regionwise.experiments.data;

import java.util.Objects;

/**
 * One 2D training sample: a normalised multi-channel image and its label map, and where it came from.
 *
 * <p>Arrays are row-major and shared, not copied (a data set holds thousands of these):
 * {@code image} is (channels, height, width), {@code label} is (height, width) with classes
 * 0..C-1. Spacing is in mm: {@code dy} between rows, {@code dx} between columns, {@code dz} between
 * this slice and the next of the same volume (what 3D metrics need when slices are stacked back).
 *
 * @param volumeId   the volume (case) the slice was cut from
 * @param sliceIndex its position along the slicing axis of that volume, 0-based
 * @param channels   number of image channels
 * @param height     rows
 * @param width      columns
 * @param image      channels * height * width values, z-scored per volume and channel
 * @param label      height * width class ids
 * @param dy         row spacing (mm)
 * @param dx         column spacing (mm)
 * @param dz         spacing between consecutive slices (mm)
 */
public record Slice(String volumeId, int sliceIndex, int channels, int height, int width,
                    float[] image, int[] label, double dy, double dx, double dz) {

    /** Checks that the arrays match the shape. */
    public Slice {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(label, "label");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("a slice needs channels, height and width >= 1, got ("
                    + channels + ", " + height + ", " + width + ")");
        }
        if (image.length != (long) channels * height * width || label.length != (long) height * width) {
            throw new IllegalArgumentException("slice " + volumeId + "[" + sliceIndex + "] of shape (" + channels + ", "
                    + height + ", " + width + ") got " + image.length + " image and " + label.length + " label values");
        }
    }

    /** Pixels per channel: height * width. */
    public int pixels() {
        return height * width;
    }
}
