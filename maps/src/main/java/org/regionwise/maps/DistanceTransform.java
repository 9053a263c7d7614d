package org.regionwise.maps;

/**
 * Exact Euclidean distance transforms of binary masks, 2D and 3D, with anisotropic spacing.
 *
 * <p>Separable lower-envelope algorithm (Felzenszwalb-Huttenlocher), linear in the number of
 * voxels, multithreaded over lines; the result does not depend on the thread count. Distances are
 * in spacing units and computed in double precision per line, stored as {@code float}.
 *
 * <p>Conventions, as in {@code scipy.ndimage.distance_transform_edt}: the transform of a mask gives
 * every {@code true} voxel its distance to the nearest {@code false} voxel (so a foreground voxel
 * next to the background gets the spacing along that axis, never 0) and every {@code false} voxel 0.
 * Voxels outside the array do not count as {@code false}: a mask with no {@code false} voxel has no
 * finite distance, and every voxel gets {@code +Infinity} (scipy instead measures to a virtual point
 * outside the array).
 */
public final class DistanceTransform {

    private DistanceTransform() {
    }

    /** {@link #edt(boolean[], Grid, int)} with one thread per available processor. */
    public static float[] edt(boolean[] mask, Grid grid) {
        return edt(mask, grid, defaultThreads());
    }

    /**
     * Each {@code true} voxel: distance (in spacing units) to the nearest {@code false} voxel;
     * {@code false} voxels: 0; {@code +Infinity} everywhere when there is no {@code false} voxel.
     *
     * @throws IllegalArgumentException when {@code mask} does not have {@code grid.size()} entries
     */
    public static float[] edt(boolean[] mask, Grid grid, int threads) {
        float[] field = field(mask, grid, true);
        SeparableEdt.transformInPlace(field, grid, checkThreads(threads), true);
        return field;
    }

    /** Squared distances of {@link #edt(boolean[], Grid, int)}, without the final square root. */
    public static float[] squaredEdt(boolean[] mask, Grid grid, int threads) {
        float[] field = field(mask, grid, true);
        SeparableEdt.transformInPlace(field, grid, checkThreads(threads), false);
        return field;
    }

    /** {@link #signedDistance(boolean[], Grid, int)} with one thread per available processor. */
    public static float[] signedDistance(boolean[] mask, Grid grid) {
        return signedDistance(mask, grid, defaultThreads());
    }

    /**
     * Signed distance, negative inside: {@code edt(~S)*~S - edt(S)*S} (the RW reference code's
     * convention, Kervadec's up to the rim shift). A voxel outside the mask gets {@code +}its distance
     * to the nearest mask voxel; a voxel inside gets {@code -}its distance to the nearest voxel
     * outside. No voxel gets 0: the smallest magnitude is the smallest spacing. An empty mask gives
     * {@code +Infinity} everywhere, a full mask {@code -Infinity} everywhere.
     */
    public static float[] signedDistance(boolean[] mask, Grid grid, int threads) {
        int t = checkThreads(threads);
        float[] inside = field(mask, grid, true);
        float[] outside = field(mask, grid, false);
        SeparableEdt.transformInPlace(inside, grid, t, true);
        SeparableEdt.transformInPlace(outside, grid, t, true);
        for (int i = 0; i < inside.length; i++) {
            inside[i] = mask[i] ? -inside[i] : outside[i];
        }
        return inside;
    }

    /**
     * The starting field of a transform: +Infinity where the distance is wanted ({@code mask[i] ==
     * wanted}), 0 at the sites it is measured to.
     */
    private static float[] field(boolean[] mask, Grid grid, boolean wanted) {
        if (mask == null || grid == null) {
            throw new IllegalArgumentException("distance transform needs a mask and a grid");
        }
        if (mask.length != grid.size()) {
            throw new IllegalArgumentException("mask has " + mask.length + " entries but " + grid + " has "
                    + grid.size() + " voxels");
        }
        float[] field = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            field[i] = mask[i] == wanted ? Float.POSITIVE_INFINITY : 0f;
        }
        return field;
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static int checkThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads;
    }
}
