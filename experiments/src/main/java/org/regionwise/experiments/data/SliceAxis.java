package org.regionwise.experiments.data;

/**
 * Which axis to cut 2D slices along: the one of lowest resolution, as nnU-Net's 2D configuration does,
 * so that each slice keeps the two finest axes in plane and no slice mixes thick and thin directions.
 */
public final class SliceAxis {
    /** The NIfTI x axis. */
    public static final int X = 0;
    /** The NIfTI y axis. */
    public static final int Y = 1;
    /** The NIfTI z axis: axial slices of a usual scan. */
    public static final int Z = 2;

    private SliceAxis() {}

    /**
     * The axis with the largest voxel size; on ties the later axis (z before y before x), so an isotropic
     * volume is cut into z (axial) slices.
     *
     * @param spacing voxel size (x, y, z)
     */
    public static int lowestResolution(double[] spacing) {
        if (spacing.length != 3) throw new IllegalArgumentException("spacing needs 3 values (x, y, z)");
        int axis = Z;
        for (int a = Y; a >= X; a--) {
            if (spacing[a] > spacing[axis]) axis = a;
        }
        return axis;
    }

    /**
     * The slicing axis of a data set: an axis of size 1 in every case when there is one (a 2D data set
     * stored as nx x ny x 1 has nothing else to cut; the later such axis wins), else the lowest-resolution
     * axis of the per-axis median spacing over cases (one axis for all cases, as nnU-Net plans one).
     *
     * @param sizes    (x, y, z) size of each case
     * @param spacings (x, y, z) voxel size of each case
     */
    public static int forDataset(int[][] sizes, double[][] spacings) {
        if (sizes.length == 0 || sizes.length != spacings.length) {
            throw new IllegalArgumentException("need the sizes and spacings of at least one case");
        }
        for (int a = Z; a >= X; a--) {
            boolean flat = true;
            for (int[] s : sizes) flat &= s[a] == 1;
            if (flat) return a;
        }
        double[] median = new double[3];
        for (int a = 0; a < 3; a++) {
            double[] values = new double[spacings.length];
            for (int c = 0; c < values.length; c++) values[c] = spacings[c][a];
            java.util.Arrays.sort(values);
            int n = values.length;
            median[a] = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        }
        return lowestResolution(median);
    }

    /** "x", "y" or "z". */
    public static String name(int axis) {
        return switch (axis) {
            case X -> "x";
            case Y -> "y";
            case Z -> "z";
            default -> throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
        };
    }
}
