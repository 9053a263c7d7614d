package org.regionwise.maps;

/**
 * The two distance transforms of one class {@code S} of a label image, with buffers reused from
 * class to class:
 * <ul>
 *   <li>{@link #inside}: {@code edt(S)}, each class voxel's distance to the nearest voxel of another
 *       class, computed only over the class's bounding box grown by one voxel (exact, see
 *       {@link Box}): a small structure costs the size of its box, not of the image;</li>
 *   <li>{@link #outside}: {@code edt(~S)}, each other voxel's distance to the nearest class voxel,
 *       over the whole image.</li>
 * </ul>
 * The class must be neither absent nor the whole image (no boundary, no finite distance); callers
 * handle those cases first.
 */
final class ClassDistances {
    private final int[] labels;
    private final Grid grid;
    private final Box[] boxes;
    private final int threads;
    private float[] insideBuffer;
    private float[] outsideBuffer;

    ClassDistances(int[] labels, Grid grid, int classes, int threads) {
        this.labels = labels;
        this.grid = grid;
        this.boxes = Box.ofClasses(labels, grid, classes);
        this.threads = threads;
    }

    /**
     * Computes {@code edt(S)} over the class's grown box and returns that box; the distance of the
     * box's voxel at box-local index {@code j} is then {@code insideDistances()[j]} (0 at voxels of
     * other classes).
     */
    Box inside(int c) {
        Box box = boxes[c].grownWithin(grid);
        if (insideBuffer == null) {
            insideBuffer = new float[labels.length];
        }
        float[] field = insideBuffer;
        box.forEachRow(grid, threads, (local, global, length) -> {
            for (int k = 0; k < length; k++) {
                field[local + k] = labels[global + k] == c ? Float.POSITIVE_INFINITY : 0f;
            }
        });
        SeparableEdt.transformInPlace(field, box.subGrid(grid), threads, true);
        return box;
    }

    /** The buffer holding the last {@link #inside} result, indexed by box-local voxel. */
    float[] insideDistances() {
        return insideBuffer;
    }

    /** Computes and returns {@code edt(~S)} over the whole image (0 at class voxels). */
    float[] outside(int c) {
        if (outsideBuffer == null) {
            outsideBuffer = new float[labels.length];
        }
        Labels.startField(labels, c, false, outsideBuffer, threads);
        SeparableEdt.transformInPlace(outsideBuffer, grid, threads, true);
        return outsideBuffer;
    }
}
