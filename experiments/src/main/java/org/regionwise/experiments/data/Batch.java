package org.regionwise.experiments.data;

/**
 * One training batch, ready for the network: images (B, C, H, W) and labels (B, H, W), row-major.
 *
 * @param size         B, the number of samples
 * @param channels     C
 * @param height       H
 * @param width        W
 * @param images       B*C*H*W values
 * @param labels       B*H*W class ids
 * @param sliceIndices for each sample, the index of its slice in the {@link SliceDataset}
 */
public record Batch(int size, int channels, int height, int width, float[] images, int[] labels, int[] sliceIndices) {

    /** Checks that the arrays match the shape. */
    public Batch {
        long pixels = (long) size * height * width;
        if (images.length != pixels * channels || labels.length != pixels || sliceIndices.length != size) {
            throw new IllegalArgumentException("batch (" + size + ", " + channels + ", " + height + ", " + width + ") got "
                    + images.length + " image values, " + labels.length + " labels, " + sliceIndices.length + " indices");
        }
    }

    /** The (B, C, H, W) shape of {@link #images()}. */
    public int[] imageShape() {
        return new int[] {size, channels, height, width};
    }

    /** The (B, H, W) shape of {@link #labels()}. */
    public int[] labelShape() {
        return new int[] {size, height, width};
    }
}
