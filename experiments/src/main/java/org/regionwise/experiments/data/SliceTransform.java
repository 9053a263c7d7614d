package org.regionwise.experiments.data;

import java.util.random.RandomGenerator;

/**
 * One symmetry of a 2D patch: an optional transpose, then optional flips of rows and columns. The eight
 * combinations are the dihedral group of the square (identity, three rotations by 90 degrees, four
 * reflections); without the transpose, the four that keep a rectangle's shape (identity, two flips,
 * rotation by 180 degrees). The same transform moves every channel and the label, so they stay aligned.
 *
 * @param transpose   swap rows and columns first (square patches only)
 * @param flipRows    then reverse the row order (upside down)
 * @param flipColumns then reverse the column order (mirror left-right)
 */
public record SliceTransform(boolean transpose, boolean flipRows, boolean flipColumns) {
    /** The transform that changes nothing. */
    public static final SliceTransform IDENTITY = new SliceTransform(false, false, false);

    /**
     * A uniformly random transform: one of 8 when {@code allowTranspose} (square patch, square pixels),
     * else one of 4 (a transpose would swap the height and width, or the row and column spacing).
     */
    public static SliceTransform random(RandomGenerator rng, boolean allowTranspose) {
        int bits = rng.nextInt(allowTranspose ? 8 : 4);
        return new SliceTransform((bits & 4) != 0, (bits & 1) != 0, (bits & 2) != 0);
    }

    /**
     * Writes the transformed planes of {@code src} ((planes, height, width), row-major) to {@code dst},
     * starting at {@code dstOffset}.
     */
    public void apply(float[] src, int planes, int height, int width, float[] dst, int dstOffset) {
        check(height, width);
        int pixels = height * width;
        for (int p = 0; p < planes; p++) {
            int base = p * pixels;
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) dst[dstOffset + base + r * width + c] = src[base + source(r, c, height, width)];
            }
        }
    }

    /** As {@link #apply(float[], int, int, int, float[], int)} for one plane of labels. */
    public void apply(int[] src, int height, int width, int[] dst, int dstOffset) {
        check(height, width);
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) dst[dstOffset + r * width + c] = src[source(r, c, height, width)];
        }
    }

    /** The flat source index whose value lands at output (r, c). */
    private int source(int r, int c, int height, int width) {
        int sr = flipRows ? height - 1 - r : r;
        int sc = flipColumns ? width - 1 - c : c;
        return transpose ? sc * width + sr : sr * width + sc; // square when transposed
    }

    private void check(int height, int width) {
        if (transpose && height != width) {
            throw new IllegalArgumentException("a transpose needs a square patch, got " + height + "x" + width);
        }
    }
}
