package org.regionwise.experiments.data;

import org.regionwise.experiments.io.NiftiHeader;

/**
 * Splitting a brain volume into its two hemispheres so that validation never sees a training voxel:
 * training gets the columns left of the midline, validation the columns right of it, mirrored in x so
 * that both look alike (a right hemisphere is a different but similar-looking "subject"). A column on
 * the midline itself goes to neither.
 *
 * <p>Both outputs are {@code width} columns with the lateral side at column 0 and the medial column
 * (next to the midline) at column {@code width - 1}; columns beyond the field of view are filled with
 * {@code pad} (image) and 0 (label). Rows are y from {@code yStart}, slices z from {@code zStart}, also
 * padded where they leave the volume.
 */
public final class Hemispheres {
    private Hemispheres() {}

    /**
     * The box cut out of each hemisphere.
     *
     * @param yStart first y row
     * @param height rows (y)
     * @param width  columns (x), counted from the midline outwards
     * @param zStart first z slice
     * @param depth  slices (z)
     */
    public record Window(int yStart, int height, int width, int zStart, int depth) {
        /** Checks the sizes. */
        public Window {
            if (height < 1 || width < 1 || depth < 1) {
                throw new IllegalArgumentException("window sizes must be >= 1, got " + height + "x" + width + "x" + depth);
            }
        }
    }

    /**
     * The x (voxel) coordinate of the plane world x = 0 of an sform whose x row is (a, 0, 0, t): -t / a.
     * In MNI space (Colin27, AAL) that plane is the interhemispheric midline.
     *
     * @throws DatasetFormatException when the sform is unset or its x row mixes in y or z
     */
    public static double midlineFromSform(NiftiHeader header, String source) throws DatasetFormatException {
        float[] s = header.geometry().srow();
        if (header.geometry().sformCode() <= 0 || s[0] == 0 || s[1] != 0 || s[2] != 0) {
            throw new DatasetFormatException(source, "no axis-aligned sform to find the midline (sform code "
                    + header.geometry().sformCode() + ", x row " + s[0] + ", " + s[1] + ", " + s[2] + ", " + s[3] + ")");
        }
        return -s[3] / (double) s[0];
    }

    /** The last column strictly left of the midline. */
    static int leftMedialColumn(double midline) {
        return (int) Math.ceil(midline) - 1;
    }

    /** The first column strictly right of the midline. */
    static int rightMedialColumn(double midline) {
        return (int) Math.floor(midline) + 1;
    }

    /** The hemisphere at x < midline, lateral side first. */
    public static Volume left(Volume full, double midline, Window window, float pad, String id) {
        int medial = leftMedialColumn(midline);
        return cut(full, window, pad, id, j -> medial - (window.width() - 1 - j));
    }

    /** The hemisphere at x > midline, mirrored in x so that its lateral side comes first too. */
    public static Volume rightMirrored(Volume full, double midline, Window window, float pad, String id) {
        int medial = rightMedialColumn(midline);
        return cut(full, window, pad, id, j -> medial + (window.width() - 1 - j));
    }

    private static Volume cut(Volume full, Window w, float pad, String id, java.util.function.IntUnaryOperator sourceColumn) {
        int nx = w.width(), ny = w.height(), nz = w.depth();
        float[][] channels = new float[full.channels().length][nx * ny * nz];
        int[] labels = new int[nx * ny * nz];
        for (float[] c : channels) java.util.Arrays.fill(c, pad);
        for (int k = 0; k < nz; k++) {
            int z = w.zStart() + k;
            if (z < 0 || z >= full.nz()) continue;
            for (int r = 0; r < ny; r++) {
                int y = w.yStart() + r;
                if (y < 0 || y >= full.ny()) continue;
                for (int j = 0; j < nx; j++) {
                    int x = sourceColumn.applyAsInt(j);
                    if (x < 0 || x >= full.nx()) continue;
                    int from = full.index(x, y, z), to = j + nx * (r + ny * k);
                    labels[to] = full.labels()[from];
                    for (int c = 0; c < channels.length; c++) channels[c][to] = full.channels()[c][from];
                }
            }
        }
        return new Volume(id, nx, ny, nz, full.spacing().clone(), channels, labels);
    }
}
