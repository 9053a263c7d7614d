package org.regionwise.experiments.data;

/**
 * Making slices fit a U-Net: a network with L resolution levels halves the grid L-1 times, so height and
 * width must be multiples of 2^(L-1).
 *
 * <p>Padding goes after the data (bottom rows, right columns), so the original slice is always the
 * top-left corner of the padded one and a prediction is cut back with {@link #unpad}. Padded image
 * values are 0, which after z-scoring is the image mean (nnU-Net pads normalised images with 0 too);
 * padded labels are 0, background. Because the pad is counted as background, metrics should be computed
 * on the unpadded prediction.
 */
public final class Padding {
    private Padding() {}

    /** 2^(levels-1): what height and width must be multiples of for a U-Net with {@code levels} levels. */
    public static int divisor(int levels) {
        if (levels < 1 || levels > 31) throw new IllegalArgumentException("levels must be 1..31, got " + levels);
        return 1 << (levels - 1);
    }

    /** The smallest multiple of {@code divisor} that is at least {@code n}. */
    public static int roundUp(int n, int divisor) {
        if (n < 0 || divisor < 1) throw new IllegalArgumentException("need n >= 0 and divisor >= 1, got " + n + ", " + divisor);
        return (int) (((long) n + divisor - 1) / divisor * divisor);
    }

    /** {@code slice} padded at the bottom and right up to multiples of {@code divisor} (itself when it already fits). */
    public static Slice padToMultiple(Slice slice, int divisor) {
        return padTo(slice, roundUp(slice.height(), divisor), roundUp(slice.width(), divisor));
    }

    /**
     * {@code slice} padded at the bottom and right to {@code height} x {@code width}: image 0, label 0.
     *
     * @throws IllegalArgumentException when the slice is larger than the target
     */
    public static Slice padTo(Slice slice, int height, int width) {
        if (height < slice.height() || width < slice.width()) {
            throw new IllegalArgumentException("cannot pad a " + slice.height() + "x" + slice.width() + " slice to "
                    + height + "x" + width);
        }
        if (height == slice.height() && width == slice.width()) return slice;
        int c = slice.channels(), h = slice.height(), w = slice.width();
        float[] image = new float[c * height * width];
        int[] label = new int[height * width];
        for (int ch = 0; ch < c; ch++) {
            for (int r = 0; r < h; r++) {
                System.arraycopy(slice.image(), (ch * h + r) * w, image, (ch * height + r) * width, w);
            }
        }
        for (int r = 0; r < h; r++) System.arraycopy(slice.label(), r * w, label, r * width, w);
        return new Slice(slice.volumeId(), slice.sliceIndex(), c, height, width, image, label,
                slice.dy(), slice.dx(), slice.dz());
    }

    /**
     * The top-left {@code height} x {@code width} of each of {@code planes} planes of a padded array of
     * width {@code paddedWidth}: a prediction (e.g. (C, H', W') probabilities) cut back to the slice.
     */
    public static float[] unpad(float[] padded, int planes, int paddedHeight, int paddedWidth, int height, int width) {
        checkUnpad(padded.length, planes, paddedHeight, paddedWidth, height, width);
        float[] out = new float[planes * height * width];
        for (int p = 0; p < planes; p++) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(padded, (p * paddedHeight + r) * paddedWidth, out, (p * height + r) * width, width);
            }
        }
        return out;
    }

    /** As {@link #unpad(float[], int, int, int, int, int)} for one plane of class ids. */
    public static int[] unpad(int[] padded, int paddedHeight, int paddedWidth, int height, int width) {
        checkUnpad(padded.length, 1, paddedHeight, paddedWidth, height, width);
        int[] out = new int[height * width];
        for (int r = 0; r < height; r++) System.arraycopy(padded, r * paddedWidth, out, r * width, width);
        return out;
    }

    private static void checkUnpad(int length, int planes, int ph, int pw, int h, int w) {
        if (h > ph || w > pw || h < 0 || w < 0 || length != (long) planes * ph * pw) {
            throw new IllegalArgumentException("cannot cut " + h + "x" + w + " from " + planes + " planes of " + ph + "x" + pw
                    + " held in " + length + " values");
        }
    }
}
