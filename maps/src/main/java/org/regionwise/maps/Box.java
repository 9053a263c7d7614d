package org.regionwise.maps;

/**
 * An axis-aligned box of voxels {@code [lo, hi)} in a 2D or 3D grid (2D grids as depth 1), used to
 * confine a class's inside distance transform to where the class is.
 *
 * <p>Why cropping is exact: inside distances are wanted only at class voxels, and they are measured
 * to the nearest voxel outside the class. Grow the class's bounding box by one voxel per side: every
 * voxel of that rim is outside the class. For a class voxel {@code p} and any outside voxel
 * {@code q} beyond the grown box, clamping {@code q} into the grown box gives a rim voxel no farther
 * from {@code p} along any axis, so the nearest outside voxel is always found inside the grown box.
 */
final class Box {
    final int d0, h0, w0;   // inclusive lower corner
    final int d1, h1, w1;   // exclusive upper corner

    private Box(int d0, int h0, int w0, int d1, int h1, int w1) {
        this.d0 = d0;
        this.h0 = h0;
        this.w0 = w0;
        this.d1 = d1;
        this.h1 = h1;
        this.w1 = w1;
    }

    /** Bounding boxes of every class ({@code null} for an absent class), in one pass over the labels. */
    static Box[] ofClasses(int[] labels, Grid grid, int classes) {
        int depth = depth(grid);
        int height = height(grid);
        int width = width(grid);
        int[][] lo = new int[classes][];
        int[][] hi = new int[classes][];
        int i = 0;
        for (int d = 0; d < depth; d++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++, i++) {
                    int c = labels[i];
                    if (lo[c] == null) {
                        lo[c] = new int[] {d, h, w};
                        hi[c] = new int[] {d, h, w};
                        continue;
                    }
                    int[] l = lo[c];
                    int[] u = hi[c];
                    // d only grows along the scan; h and w can move both ways.
                    u[0] = d;
                    if (h < l[1]) {
                        l[1] = h;
                    } else if (h > u[1]) {
                        u[1] = h;
                    }
                    if (w < l[2]) {
                        l[2] = w;
                    } else if (w > u[2]) {
                        u[2] = w;
                    }
                }
            }
        }
        Box[] boxes = new Box[classes];
        for (int c = 0; c < classes; c++) {
            if (lo[c] != null) {
                boxes[c] = new Box(lo[c][0], lo[c][1], lo[c][2], hi[c][0] + 1, hi[c][1] + 1, hi[c][2] + 1);
            }
        }
        return boxes;
    }

    /** This box grown by one voxel on every side, clipped to the grid. */
    Box grownWithin(Grid grid) {
        return new Box(Math.max(d0 - 1, 0), Math.max(h0 - 1, 0), Math.max(w0 - 1, 0),
                Math.min(d1 + 1, depth(grid)), Math.min(h1 + 1, height(grid)), Math.min(w1 + 1, width(grid)));
    }

    /** The grid of this box, with the spacing of {@code grid}. */
    Grid subGrid(Grid grid) {
        if (grid.rank() == 2) {
            return new Grid(new int[] {h1 - h0, w1 - w0}, grid.spacing());
        }
        return new Grid(new int[] {d1 - d0, h1 - h0, w1 - w0}, grid.spacing());
    }

    int size() {
        return (d1 - d0) * (h1 - h0) * (w1 - w0);
    }

    /** Work on one row of the box: {@code length} voxels at {@code local} in the box and {@code global} in the grid. */
    @FunctionalInterface
    interface RowVisitor {
        void row(int local, int global, int length);
    }

    /** Visits the box's rows (along the fastest axis), split over threads. */
    void forEachRow(Grid grid, int threads, RowVisitor visitor) {
        int height = height(grid);
        int width = width(grid);
        int rowsPerPlane = h1 - h0;
        int length = w1 - w0;
        int rows = (d1 - d0) * rowsPerPlane;
        int rowsPerBlock = Math.max(1, ParallelRange.ELEMENT_CHUNK / Math.max(1, length));
        ParallelRange.forRange(ParallelRange.ceilDiv(rows, rowsPerBlock), threads, (from, to) -> {
            int end = (int) Math.min((long) to * rowsPerBlock, rows);
            for (int r = from * rowsPerBlock; r < end; r++) {
                int d = d0 + r / rowsPerPlane;
                int h = h0 + r % rowsPerPlane;
                visitor.row(r * length, (d * height + h) * width + w0, length);
            }
        });
    }

    private static int depth(Grid grid) {
        return grid.rank() == 3 ? grid.dim(0) : 1;
    }

    private static int height(Grid grid) {
        return grid.dim(grid.rank() - 2);
    }

    private static int width(Grid grid) {
        return grid.dim(grid.rank() - 1);
    }
}
