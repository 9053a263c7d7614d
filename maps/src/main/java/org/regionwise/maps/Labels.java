package org.regionwise.maps;

/** Checks on label images, and the per-class starting fields of the distance transforms. */
final class Labels {

    private Labels() {
    }

    /**
     * Checks sizes and that every label is a class index, and returns how many voxels each class
     * has (the maps treat empty and full classes specially).
     *
     * @throws IllegalArgumentException naming the sizes, or the first bad label and its coordinates
     */
    static int[] checkAndCount(int[] labels, Grid grid, int classes) {
        if (labels == null || grid == null) {
            throw new IllegalArgumentException("maps need labels and a grid");
        }
        if (labels.length != grid.size()) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries but " + grid + " has "
                    + grid.size() + " voxels");
        }
        checkClasses(classes, grid.size());
        int[] counts = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " at voxel " + grid.describe(i) + " (index " + i
                        + ") of " + grid + " is not a class index in [0, " + classes + ")");
            }
            counts[label]++;
        }
        return counts;
    }

    /** At least one class, and {@code classes * voxels} must fit in one array. */
    static void checkClasses(int classes, int voxels) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        if ((long) classes * voxels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(classes + " classes x " + voxels + " voxels do not fit in one float[]");
        }
    }

    /**
     * Fills {@code field} for a transform measuring, for each voxel whose membership in class
     * {@code c} equals {@code inside}, the distance to the nearest voxel where it does not: +Infinity
     * at the wanted voxels, 0 at the others.
     */
    static void startField(int[] labels, int c, boolean inside, float[] field, int threads) {
        ParallelRange.forElements(labels.length, threads, (from, to) -> {
            for (int i = from; i < to; i++) {
                field[i] = (labels[i] == c) == inside ? Float.POSITIVE_INFINITY : 0f;
            }
        });
    }
}
