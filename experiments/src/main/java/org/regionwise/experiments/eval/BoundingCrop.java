package org.regionwise.experiments.eval;

import org.regionwise.maps.Grid;

/**
 * The smallest box of a grid that holds every voxel of two masks, and the masks cut to it.
 *
 * <p>Surface distances computed on this box equal those on the whole grid: every surface voxel of
 * either mask lies in it, distances between voxel centres do not depend on what surrounds them, and
 * a mask voxel on a side of the box that is not a side of the array has its outside neighbour
 * outside both masks, so it is a surface voxel either way. For a small structure in a large volume
 * this saves most of the distance transform's work.
 */
final class BoundingCrop {

    /** Box corners as (d, h, w), 2D grids having d = 0; {@code to} is exclusive. */
    private final int[] from;
    private final int[] to;
    private final int depth;
    private final int height;
    private final int width;
    private final Grid cropped;

    private BoundingCrop(Grid grid, int[] from, int[] to) {
        this.from = from;
        this.to = to;
        this.depth = grid.rank() == 3 ? grid.dim(0) : 1;
        this.height = grid.dim(grid.rank() - 2);
        this.width = grid.dim(grid.rank() - 1);
        int[] dims = grid.rank() == 3
                ? new int[] {to[0] - from[0], to[1] - from[1], to[2] - from[2]}
                : new int[] {to[1] - from[1], to[2] - from[2]};
        this.cropped = new Grid(dims, grid.spacing());
    }

    /**
     * The box around every {@code true} voxel of {@code a} or {@code b}.
     *
     * @throws IllegalArgumentException when both masks are empty
     */
    static BoundingCrop around(boolean[] a, boolean[] b, Grid grid) {
        int depth = grid.rank() == 3 ? grid.dim(0) : 1;
        int height = grid.dim(grid.rank() - 2);
        int width = grid.dim(grid.rank() - 1);
        int[] from = {depth, height, width};
        int[] to = {0, 0, 0};
        int i = 0;
        for (int d = 0; d < depth; d++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++, i++) {
                    if (a[i] || b[i]) {
                        from[0] = Math.min(from[0], d);
                        from[1] = Math.min(from[1], h);
                        from[2] = Math.min(from[2], w);
                        to[0] = Math.max(to[0], d + 1);
                        to[1] = Math.max(to[1], h + 1);
                        to[2] = Math.max(to[2], w + 1);
                    }
                }
            }
        }
        if (to[0] == 0) {
            throw new IllegalArgumentException("both masks are empty: there is nothing to crop to");
        }
        return new BoundingCrop(grid, from, to);
    }

    /** The grid of the box: its extents, the original spacing. */
    Grid grid() {
        return cropped;
    }

    /** The part of a whole-grid mask inside the box, row-major on {@link #grid()}. */
    boolean[] cut(boolean[] mask) {
        boolean[] out = new boolean[cropped.size()];
        int o = 0;
        for (int d = from[0]; d < to[0]; d++) {
            for (int h = from[1]; h < to[1]; h++) {
                int row = (d * height + h) * width;
                for (int w = from[2]; w < to[2]; w++) {
                    out[o++] = mask[row + w];
                }
            }
        }
        return out;
    }
}
