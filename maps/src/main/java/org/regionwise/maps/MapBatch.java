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
        fillImages(kind, batch, imageGrid, classes, options, out, (b) -> labels, (b) -> b * perImage);
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
        Labels.checkClasses(classes, grid.size());
        int perMap = classes * grid.size();
        if (out == null || out.length != (long) batch * perMap) {
            throw new IllegalArgumentException("out has " + (out == null ? 0 : out.length) + " floats but (B, C, H, W) = ("
                    + batch + ", " + classes + ", " + grid.dim(0) + ", " + grid.dim(1) + ") needs " + (long) batch * perMap);
        }
        MapOptions oneThread = opts.withThreads(1);
        ParallelRange.forRange(batch, opts.threads(), (from, to) -> {
            int[] image = cache == null ? new int[grid.size()] : null;
            for (int b = from; b < to; b++) {
                try {
                    if (cache != null) {
                        float[] cached = cache.get(kind, arrays.of(b), offsets.of(b), grid, classes, oneThread, false);
                        System.arraycopy(cached, 0, out, b * perMap, perMap);
                    } else {
                        System.arraycopy(arrays.of(b), offsets.of(b), image, 0, image.length);
                        int[] counts = Labels.checkAndCount(image, grid, classes);
                        RegionMaps.fill(kind, image, grid, counts, oneThread, 1, out, b * perMap);
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("image " + b + " of the batch: " + e.getMessage(), e);
                }
            }
        });
    }
}
