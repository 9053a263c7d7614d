package org.regionwise.maps;

/**
 * Fills the {@code (B, C, H, W)} map buffer of a training batch from its {@code B} label images,
 * one 2D map per image (SPEC.md: the map of a batch is computed per image on the host).
 *
 * <p>Images are spread over {@link MapOptions#threads()} threads, each image mapped on one thread;
 * the result does not depend on the thread count. With a {@link MapCache}, each distinct label image
 * is mapped once over the whole run (the usual case: a data set's slices recur every epoch).
 */
public final class MapBatch {

    private final MapCache cache;

    /** A batch filler that computes every map. */
    public MapBatch() {
        this(null);
    }

    /** A batch filler that takes maps from {@code cache} (computing them there on first use). */
    public MapBatch(MapCache cache) {
        this.cache = cache;
    }

    /** The cache in use, or {@code null}. */
    public MapCache cache() {
        return cache;
    }

    /**
     * Fills {@code out} from {@code labels}, {@code batch} images of {@code h * w} labels each, unit
     * spacing.
     *
     * @param out {@code batch * classes * h * w} floats, image {@code b}'s channel-major map at
     *            {@code b * classes * h * w}
     * @throws IllegalArgumentException on mismatched sizes (naming both) or a bad label (naming the
     *                                  image, the value and its coordinates)
     */
    public void fill(MapKind kind, int[][] labels, int batch, int h, int w, int classes, MapOptions options, float[] out) {
        if (labels == null || labels.length != batch) {
            throw new IllegalArgumentException("labels has " + (labels == null ? "no" : labels.length)
                    + " images but batch is " + batch);
        }
        Grid grid = Grid.of(h, w);
        for (int b = 0; b < batch; b++) {
            if (labels[b] == null || labels[b].length != grid.size()) {
                throw new IllegalArgumentException("labels[" + b + "] has " + (labels[b] == null ? 0 : labels[b].length)
                        + " entries but h x w = " + h + " x " + w + " = " + grid.size());
            }
        }
        fillImages(kind, batch, grid, classes, options, out, (b) -> labels[b], (b) -> 0);
    }

    /**
     * Fills {@code out} from one flat {@code (B, H, W)} label array, unit spacing.
     *
     * @see #fill(MapKind, int[][], int, int, int, int, MapOptions, float[])
     */
    public void fill(MapKind kind, int[] labels, int batch, int h, int w, int classes, MapOptions options, float[] out) {
        fill(kind, labels, batch, Grid.of(h, w), classes, options, out);
    }

    /**
     * Fills {@code out} from one flat {@code (B, H, W)} label array whose images lie on
     * {@code imageGrid} (2D, with its spacing).
     */
    public void fill(MapKind kind, int[] labels, int batch, Grid imageGrid, int classes, MapOptions options, float[] out) {
        int perImage = checkFlat(labels, batch, imageGrid);
        fillImages(kind, batch, imageGrid, classes, options, out, (b) -> labels, (b) -> b * perImage);
    }

    /**
     * One image's map for a batch: typically taken from a {@link MapCache}. The array returned is only read
     * ({@code classes * grid.size()} floats).
     */
    @FunctionalInterface
    public interface ImageLookup {
        /** The map of {@code labels[offset .. offset + grid.size())}; {@code options} ask for one thread. */
        float[] map(int[] labels, int offset, Grid grid, int classes, MapOptions options);
    }

    /**
     * Fills {@code out} from one flat {@code (B, H, W)} label array whose images lie on {@code imageGrid}, taking
     * each image's map from {@code lookup} (a map kind's or a derived map, from a cache): the images are spread
     * over threads as in the other fills, and nothing of the batch's size is allocated here.
     */
    public static void fill(ImageLookup lookup, int[] labels, int batch, Grid imageGrid, int classes, MapOptions options,
                            float[] out) {
        if (lookup == null) throw new IllegalArgumentException("a batch of maps needs an image lookup");
        int perImage = checkFlat(labels, batch, imageGrid);
        fillImages(lookup, batch, imageGrid, classes, RegionMaps.orDefaults(options), out, b -> labels, b -> b * perImage);
    }

    private static int checkFlat(int[] labels, int batch, Grid imageGrid) {
        if (imageGrid == null || imageGrid.rank() != 2) {
            throw new IllegalArgumentException("a batch of 2D maps needs a 2D image grid, got " + imageGrid);
        }
        int perImage = imageGrid.size();
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        if (labels == null || labels.length != (long) batch * perImage) {
            throw new IllegalArgumentException("labels has " + (labels == null ? 0 : labels.length) + " entries but batch x h x w = "
                    + batch + " x " + imageGrid.dim(0) + " x " + imageGrid.dim(1) + " = " + (long) batch * perImage);
        }
        return perImage;
    }

    /** The array holding image {@code b}'s labels (one per image, or one for the whole batch). */
    @FunctionalInterface
    private interface ImageArray {
        int[] of(int b);
    }

    /** Where image {@code b}'s labels start in its array. */
    @FunctionalInterface
    private interface ImageOffset {
        int of(int b);
    }

    private void fillImages(MapKind kind, int batch, Grid grid, int classes, MapOptions options, float[] out,
                            ImageArray arrays, ImageOffset offsets) {
        MapOptions opts = RegionMaps.orDefaults(options);
        RegionMaps.checkKind(kind, classes, opts);
        if (cache != null) {
            fillImages((labels, offset, g, c, o) -> cache.get(kind, labels, offset, g, c, o), batch, grid, classes, opts, out,
                    arrays, offsets);
            return;
        }
        checkOut(batch, grid, classes, out);
        int perMap = classes * grid.size();
        MapOptions oneThread = opts.withThreads(1);
        ParallelRange.forRange(batch, opts.threads(), (from, to) -> {
            int[] image = new int[grid.size()];
            for (int b = from; b < to; b++) {
                try {
                    System.arraycopy(arrays.of(b), offsets.of(b), image, 0, image.length);
                    int[] counts = Labels.checkAndCount(image, grid, classes);
                    RegionMaps.fill(kind, image, grid, counts, oneThread, 1, out, b * perMap);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("image " + b + " of the batch: " + e.getMessage(), e);
                }
            }
        });
    }

    /** Copies each image's map from {@code lookup} into its block of {@code out}, images spread over threads. */
    private static void fillImages(ImageLookup lookup, int batch, Grid grid, int classes, MapOptions opts, float[] out,
                                   ImageArray arrays, ImageOffset offsets) {
        checkOut(batch, grid, classes, out);
        int perMap = classes * grid.size();
        MapOptions oneThread = opts.withThreads(1);
        ParallelRange.forRange(batch, opts.threads(), (from, to) -> {
            for (int b = from; b < to; b++) {
                try {
                    float[] map = lookup.map(arrays.of(b), offsets.of(b), grid, classes, oneThread);
                    if (map.length != perMap) {
                        throw new IllegalStateException("image " + b + ": the lookup returned " + map.length + " floats, not "
                                + classes + " x " + grid.size());
                    }
                    System.arraycopy(map, 0, out, b * perMap, perMap);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("image " + b + " of the batch: " + e.getMessage(), e);
                }
            }
        });
    }

    private static void checkOut(int batch, Grid grid, int classes, float[] out) {
        Labels.checkClasses(classes, grid.size());
        int perMap = classes * grid.size();
        if (out == null || out.length != (long) batch * perMap) {
            throw new IllegalArgumentException("out has " + (out == null ? 0 : out.length) + " floats but (B, C, H, W) = ("
                    + batch + ", " + classes + ", " + grid.dim(0) + ", " + grid.dim(1) + ") needs " + (long) batch * perMap);
        }
    }
}
