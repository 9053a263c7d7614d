package org.regionwise.experiments.io;

import java.io.IOException;
import java.util.Locale;

/**
 * The one check that no NaN or infinity enters the program with the data: a single such voxel would
 * spread through the per-image z-score to every value and end as an all-background prediction or a
 * Dice of 0 without a word. Applied where files are read (NIfTI images, checkpoint weights), so the
 * error names the file and the place.
 */
public final class FiniteValues {
    private FiniteValues() {}

    /**
     * Fails on the first non-finite voxel of an image with {@code dims} (x fastest), naming it by (x, y, z).
     *
     * @throws NiftiFormatException naming {@code source}, the voxel and its value
     */
    public static void requireVoxels(float[] data, int[] dims, String source) throws NiftiFormatException {
        int i = firstNonFinite(data);
        if (i < 0) return;
        int nx = dims.length > 0 ? dims[0] : 1, ny = dims.length > 1 ? dims[1] : 1;
        long x = i % nx, y = (i / nx) % ny, z = i / ((long) nx * ny);
        throw new NiftiFormatException(source, String.format(Locale.ROOT,
                "voxel (%d, %d, %d) holds %s; images and labels must be finite numbers", x, y, z, data[i]));
    }

    /**
     * Fails on the first non-finite value of an array read from a file.
     *
     * @throws IOException naming {@code source}, the index and the value
     */
    public static void requireArray(float[] data, String source) throws IOException {
        int i = firstNonFinite(data);
        if (i >= 0) throw new IOException(source + ": value " + i + " is " + data[i] + "; stored weights must be finite");
    }

    /** The index of the first NaN or infinity, or -1. */
    public static int firstNonFinite(float[] data) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) return i;
        }
        return -1;
    }
}
