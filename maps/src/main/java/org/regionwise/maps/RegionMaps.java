package org.regionwise.maps;

/**
 * Region-wise maps of label images (SPEC.md section 2) and rectification.
 *
 * <p>Every map is channel-major {@code float[classes * grid.size()]}: component {@code k} of voxel
 * {@code i} at {@code k * N + i}. The per-kind definitions and their edge cases:
 * <table>
 *   <caption>maps, for class {@code k} with mask {@code S} and {@code edt} as in {@link DistanceTransform}</caption>
 *   <tr><th>kind</th><th>voxel in {@code S}</th><th>voxel not in {@code S}</th><th>{@code S} empty</th><th>{@code S} the whole image</th></tr>
 *   <tr><td>RRW</td><td>{@code -edt(S) / max_S edt(S)}, in {@code [-1, 0)}</td><td>1</td><td>1</td><td>-1</td></tr>
 *   <tr><td>RRW_WEIGHTED</td><td>as RRW</td><td>{@code w_t}, {@code t} the voxel's class</td><td>{@code w_t}</td><td>-1</td></tr>
 *   <tr><td>BOUNDARY</td><td>{@code -edt(S)}</td><td>{@code edt(~S)}</td><td>0</td><td>0</td></tr>
 *   <tr><td>BOUNDARY_KERVADEC</td><td>{@code 1 - edt(S)}</td><td>{@code edt(~S)}</td><td>0</td><td>0</td></tr>
 *   <tr><td>AC</td><td>0</td><td>1</td><td>1</td><td>0</td></tr>
 *   <tr><td>CAO</td><td>-1</td><td>1</td><td>1</td><td>-1</td></tr>
 *   <tr><td>HD</td><td>{@code edt(S)^alpha}</td><td>{@code edt(~S)^alpha}</td><td>0</td><td>0</td></tr>
 * </table>
 * The maximum in RRW is over the class's voxels in this image (or this slice, per slice). A class
 * filling the image has no voxel outside it and so no finite distance; RRW gives its voxels -1 (as
 * if all were maximally deep), the distance maps give 0 (no boundary, no signal). Single-voxel
 * classes and 1-voxel-thin structures need no special case: each of their voxels is one spacing
 * from the outside across the thin axis, so with isotropic spacing RRW gives all of them -1 (with
 * anisotropic spacing a voxel can be nearer the outside along a finer axis, and gets less).
 *
 * <p>RRW, RRW_WEIGHTED, AC and CAO are rectified for every label image; BOUNDARY, BOUNDARY_KERVADEC
 * and HD are not in general (use {@link #rectify}). A {@code null} {@link MapOptions} means
 * {@link MapOptions#defaults()}.
 */
public final class RegionMaps {

    private RegionMaps() {
    }

    /**
     * The map of one 2D or 3D label image, distances measured with the grid's spacing.
     *
     * @param labels  one class index in {@code [0, classes)} per voxel, row-major
     * @param classes number of classes, background included
     * @throws IllegalArgumentException on mismatched sizes (naming both), a label outside
     *                                  {@code [0, classes)} (naming it and its coordinates), or
     *                                  missing class weights for {@link MapKind#RRW_WEIGHTED}
     */
    public static float[] compute(MapKind kind, int[] labels, Grid grid, int classes, MapOptions options) {
        MapOptions opts = orDefaults(options);
        checkKind(kind, classes, opts);
        int[] counts = Labels.checkAndCount(labels, grid, classes);
        float[] out = new float[classes * labels.length];
        fill(kind, labels, grid, counts, opts, opts.threads(), out, 0);
        return out;
    }

    /**
     * {@link #compute} into a caller's buffer (reused across steps, or one image's block of a batch
     * buffer): writes {@code out[offset .. offset + classes * grid.size())} and nothing else.
     *
     * @throws IllegalArgumentException as {@link #compute}, or when that range does not fit in
     *                                  {@code out} (naming both sizes)
     */
    public static void computeInto(MapKind kind, int[] labels, Grid grid, int classes, MapOptions options,
                                   float[] out, int offset) {
        MapOptions opts = orDefaults(options);
        checkKind(kind, classes, opts);
        int[] counts = Labels.checkAndCount(labels, grid, classes);
        long needed = (long) classes * labels.length;
        if (out == null || offset < 0 || offset + needed > out.length) {
            throw new IllegalArgumentException("out has " + (out == null ? 0 : out.length) + " floats but the map needs "
                    + needed + " from offset " + offset);
        }
        fill(kind, labels, grid, counts, opts, opts.threads(), out, offset);
    }

    /**
     * The map of a 3D label volume computed slice by slice: each slice along axis 0 is mapped as a 2D
     * image with the in-plane spacing (maxima, empty and full classes are per slice), and the result
     * is laid out as {@link #compute} lays out the volume's map. Slices run in parallel.
     *
     * @throws IllegalArgumentException as {@link #compute}, or when {@code grid} is not 3D
     */
    public static float[] computePerSlice(MapKind kind, int[] labels, Grid grid, int classes, MapOptions options) {
        MapOptions opts = orDefaults(options);
        checkKind(kind, classes, opts);
        if (grid == null || grid.rank() != 3) {
            throw new IllegalArgumentException("computePerSlice needs a 3D grid (D, H, W), got " + grid);
        }
        Labels.checkAndCount(labels, grid, classes);
        Grid sliceGrid = grid.slice();
        int sliceSize = sliceGrid.size();
        int n = labels.length;
        float[] out = new float[classes * n];
        ParallelRange.forRange(grid.dim(0), opts.threads(), (from, to) -> {
            int[] slice = new int[sliceSize];
            float[] sliceMap = new float[classes * sliceSize];
            for (int s = from; s < to; s++) {
                System.arraycopy(labels, s * sliceSize, slice, 0, sliceSize);
                fill(kind, slice, sliceGrid, count(slice, classes), opts, 1, sliceMap, 0);
                for (int c = 0; c < classes; c++) {
                    System.arraycopy(sliceMap, c * sliceSize, out, c * n + s * sliceSize, sliceSize);
                }
            }
        });
        return out;
    }

    /**
     * Rectifies any map: at each voxel, every other-class component becomes the largest of them,
     * and the true-class component becomes {@code min(z_true, that largest - 2^-10 max(1, |that largest|))}. A map that is
     * already rectified comes back unchanged; see {@link Rectifier} for why this definition.
     *
     * @param z a channel-major map, {@code classes * labels.length} finite values; not modified
     * @return a new, rectified map
     */
    public static float[] rectify(float[] z, int[] labels, int classes) {
        return Rectifier.rectify(z, labels, classes, Float.NaN);
    }

    /**
     * Rectifies any map to a constant ceiling: every other-class component becomes {@code ceiling},
     * the true-class component {@code min(z_true, ceiling - 2^-10 max(1, |ceiling|))}.
     */
    public static float[] rectify(float[] z, int[] labels, int classes, float ceiling) {
        if (Float.isNaN(ceiling) || Float.isInfinite(ceiling)) {
            throw new IllegalArgumentException("ceiling must be finite, got " + ceiling);
        }
        return Rectifier.rectify(z, labels, classes, ceiling);
    }

    /**
     * Whether {@code z} is rectified: at every voxel the other-class components are equal and the
     * true-class component is strictly smaller. Vacuously true with one class.
     */
    public static boolean isRectified(float[] z, int[] labels, int classes) {
        return Rectifier.isRectified(z, labels, classes);
    }

    /** Fills {@code out} with the map of one checked image, with the given thread count. */
    static void fill(MapKind kind, int[] labels, Grid grid, int[] counts, MapOptions options, int threads,
                     float[] out, int offset) {
        int classes = counts.length;
        switch (kind) {
            case RRW -> RrwMaps.fill(labels, grid, counts, RrwMaps.plain(classes), threads, out, offset);
            case RRW_WEIGHTED -> RrwMaps.fill(labels, grid, counts, RrwMaps.classWeighted(options.classWeights()),
                    threads, out, offset);
            case BOUNDARY -> BoundaryMaps.fill(labels, grid, counts, false, threads, out, offset);
            case BOUNDARY_KERVADEC -> BoundaryMaps.fill(labels, grid, counts, true, threads, out, offset);
            case AC -> IndicatorMaps.fill(labels, classes, 0f, 1f, threads, out, offset);
            case CAO -> IndicatorMaps.fill(labels, classes, -1f, 1f, threads, out, offset);
            case HD -> HdMaps.fill(labels, grid, counts, options.hdAlpha(), threads, out, offset);
        }
    }

    static MapOptions orDefaults(MapOptions options) {
        return options == null ? MapOptions.defaults() : options;
    }

    /** Checks what the kind needs from the options before any work is done. */
    static void checkKind(MapKind kind, int classes, MapOptions options) {
        if (kind == null) {
            throw new IllegalArgumentException("map kind is null; valid names: " + MapKind.validNames());
        }
        if (kind == MapKind.RRW_WEIGHTED) {
            float[] weights = options.classWeights();
            if (weights == null) {
                throw new IllegalArgumentException("rrw-weighted needs MapOptions.classWeights, one per class ("
                        + classes + ")");
            }
            if (weights.length != classes) {
                throw new IllegalArgumentException("rrw-weighted has " + weights.length + " class weights but "
                        + classes + " classes");
            }
        }
    }

    /** Voxels per class of an already checked label image. */
    static int[] count(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
