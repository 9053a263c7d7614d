package org.regionwise.maps;

/**
 * Boundary (surface) voxels of a binary mask: the mask voxels with at least one neighbour, under a
 * chosen {@link Connectivity}, that is not in the mask. This is {@code mask & ~erode(mask)} with
 * the connectivity's structuring element, as MedPy and MONAI compute surfaces for Hausdorff
 * distances.
 *
 * <p>The choice of connectivity is the choice of what "touching the background" means: with 4 (6)
 * neighbours only face contact counts, giving a thin 8-connected (26-connected) contour; with 8 (26)
 * a corner contact also counts, giving a thicker 4-connected (6-connected) contour.
 *
 * <p>By default the space outside the array counts as background (scipy's {@code border_value=0}),
 * so mask voxels on the edge of the array are boundary voxels; the overload with
 * {@code edgeIsBackground = false} ignores the outside instead.
 */
public final class Boundaries {

    private Boundaries() {
    }

    /** Boundary voxels, the outside of the array counting as background. */
    public static boolean[] surface(boolean[] mask, Grid grid, Connectivity connectivity) {
        return surface(mask, grid, connectivity, true);
    }

    /**
     * Boundary voxels of {@code mask}.
     *
     * @param edgeIsBackground whether a neighbour position outside the array counts as background
     * @throws IllegalArgumentException when the mask size or the connectivity's rank does not match
     *                                  the grid
     */
    public static boolean[] surface(boolean[] mask, Grid grid, Connectivity connectivity, boolean edgeIsBackground) {
        if (mask == null || grid == null || connectivity == null) {
            throw new IllegalArgumentException("surface needs a mask, a grid and a connectivity");
        }
        if (mask.length != grid.size()) {
            throw new IllegalArgumentException("mask has " + mask.length + " entries but " + grid + " has "
                    + grid.size() + " voxels");
        }
        if (connectivity.rank() != grid.rank()) {
            throw new IllegalArgumentException(connectivity + " (" + connectivity.neighbours()
                    + " neighbours) is for " + connectivity.rank() + "D grids, got " + grid);
        }
        // A 2D grid is a 3D grid of depth 1, so one loop serves both.
        int depth = grid.rank() == 3 ? grid.dim(0) : 1;
        int height = grid.dim(grid.rank() - 2);
        int width = grid.dim(grid.rank() - 1);
        int[][] offsets = offsets(connectivity);
        boolean[] out = new boolean[mask.length];
        int i = 0;
        for (int d = 0; d < depth; d++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++, i++) {
                    if (!mask[i]) {
                        continue;
                    }
                    for (int[] o : offsets) {
                        int nd = d + o[0];
                        int nh = h + o[1];
                        int nw = w + o[2];
                        boolean inside = nd >= 0 && nd < depth && nh >= 0 && nh < height && nw >= 0 && nw < width;
                        boolean background = inside ? !mask[(nd * height + nh) * width + nw] : edgeIsBackground;
                        if (background) {
                            out[i] = true;
                            break;
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Neighbour offsets as (d, h, w); 2D connectivities keep d = 0. */
    private static int[][] offsets(Connectivity connectivity) {
        int[][] all = new int[connectivity.neighbours()][];
        int n = 0;
        int dRange = connectivity.rank() == 3 ? 1 : 0;
        for (int dd = -dRange; dd <= dRange; dd++) {
            for (int dh = -1; dh <= 1; dh++) {
                for (int dw = -1; dw <= 1; dw++) {
                    int changed = Math.abs(dd) + Math.abs(dh) + Math.abs(dw);
                    if (changed > 0 && changed <= connectivity.maxChangedAxes()) {
                        all[n++] = new int[] {dd, dh, dw};
                    }
                }
            }
        }
        return all;
    }
}
