package org.regionwise.maps;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Computes each map once: a cache keyed by the label content (hash, then an exact comparison of the
 * {@code int[]}), the map kind, the grid, the class count, per-slice or not, and the options that
 * change the result (class weights for {@link MapKind#RRW_WEIGHTED}, alpha for {@link MapKind#HD};
 * the thread count never changes a map, so it is not part of the key).
 *
 * <p>Thread-safe. Each map is computed by the first thread that asks for it; threads asking for the
 * same map meanwhile wait for that result instead of computing it again. With a maximum entry count
 * the least recently used map is evicted first. The cache keeps its own copy of each label image.
 *
 * <p>Besides the maps of {@link MapKind}s, the cache holds maps derived from them per image (a rectified
 * map, a map with the true class zeroed, ...): {@link #get(String, int[], int, Grid, int, MapOptions, ImageMap)}
 * keys them by a recipe name instead of a kind. So one cache holds every map a training run computes.
 *
 * <p>The arrays returned by {@link #get} are shared by every caller: read them, never write them
 * (use {@link #copyInto} when a private copy is wanted).
 */
public final class MapCache {

    private final int maxEntries;
    private final Map<Key, CompletableFuture<float[]>> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /** A cache without a size bound. */
    public MapCache() {
        this(Integer.MAX_VALUE);
    }

    /** A cache keeping at most {@code maxEntries} maps, evicting the least recently used. */
    public MapCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<float[]>> eldest) {
                return size() > MapCache.this.maxEntries;
            }
        };
    }

    /** The map of {@link RegionMaps#compute}, computed on first use. Shared: do not modify it. */
    public float[] get(MapKind kind, int[] labels, Grid grid, int classes, MapOptions options) {
        return get(kind, labels, 0, grid, classes, options, false);
    }

    /** The map of {@link RegionMaps#computePerSlice}, computed on first use. Shared: do not modify it. */
    public float[] getPerSlice(MapKind kind, int[] labels, Grid grid, int classes, MapOptions options) {
        return get(kind, labels, 0, grid, classes, options, true);
    }

    /**
     * The map of {@link RegionMaps#compute} for the label image {@code labels[offset .. offset + grid.size())}
     * (one image of a batch array), computed on first use. Shared: do not modify it.
     */
    public float[] get(MapKind kind, int[] labels, int offset, Grid grid, int classes, MapOptions options) {
        return get(kind, labels, offset, grid, classes, options, false);
    }

    /** One image's map by a recipe: what the cache calls on a miss. */
    @FunctionalInterface
    public interface ImageMap {
        /**
         * The map of {@code labels} (one image, {@code classes * grid.size()} floats, channel-major); the labels
         * are the cache's own copy, checked to be class indices. The result is kept: return a new array.
         */
        float[] compute(int[] labels, Grid grid, int classes);
    }

    /**
     * The map a recipe derives from the label image {@code labels[offset .. offset + grid.size())}, computed by
     * {@code compute} on first use. Two calls with equal recipe names, label contents, grids, class counts,
     * class weights and HD exponents must mean the same map (the thread count is not part of the key).
     * Shared: do not modify it.
     *
     * @throws IllegalArgumentException on a bad label (naming it and its coordinates) or sizes
     */
    public float[] get(String recipe, int[] labels, int offset, Grid grid, int classes, MapOptions options, ImageMap compute) {
        if (recipe == null || compute == null) throw new IllegalArgumentException("a map recipe needs a name and a computation");
        MapOptions opts = RegionMaps.orDefaults(options);
        checkRange(labels, offset, grid);
        Labels.checkClasses(classes, grid.size());
        Key probe = new Key(recipe, labels, offset, grid, classes, opts.classWeights(), opts.hdAlpha(), false);
        return lookup(probe, stored -> {
            Labels.checkAndCount(stored.labels, grid, classes);
            return compute.compute(stored.labels, grid, classes);
        });
    }

    /** Copies the (cached) map of {@link RegionMaps#compute} into {@code out} at {@code offset}. */
    public void copyInto(MapKind kind, int[] labels, Grid grid, int classes, MapOptions options,
                         float[] out, int offset) {
        float[] map = get(kind, labels, grid, classes, options);
        System.arraycopy(map, 0, out, offset, map.length);
    }

    /** Number of maps held (including ones being computed). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits.get();
    }

    /** Lookups that computed a map. */
    public long misses() {
        return misses.get();
    }

    /** Forgets every map. */
    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    /**
     * The map of the label image {@code labels[offset .. offset + grid.size())}; the range is only
     * read, and copied when it becomes a key.
     */
    float[] get(MapKind kind, int[] labels, int offset, Grid grid, int classes, MapOptions options, boolean perSlice) {
        MapOptions opts = RegionMaps.orDefaults(options);
        checkRange(labels, offset, grid);
        RegionMaps.checkKind(kind, classes, opts);
        Key probe = new Key(kind, labels, offset, grid, classes, opts, perSlice);
        return lookup(probe, stored -> perSlice
                ? RegionMaps.computePerSlice(kind, stored.labels, grid, classes, opts)
                : RegionMaps.compute(kind, stored.labels, grid, classes, opts));
    }

    private static void checkRange(int[] labels, int offset, Grid grid) {
        if (labels == null || grid == null) {
            throw new IllegalArgumentException("maps need labels and a grid");
        }
        if (offset < 0 || (long) offset + grid.size() > labels.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, too few for " + grid
                    + " (" + grid.size() + " voxels) at offset " + offset);
        }
    }

    /** How a missing map is computed from the stored key (whose labels are the cache's own copy). */
    @FunctionalInterface
    private interface Miss {
        float[] compute(Key stored);
    }

    /** The map under {@code probe}: found, awaited while another thread computes it, or computed here. */
    private float[] lookup(Key probe, Miss miss) {
        CompletableFuture<float[]> existing;
        synchronized (entries) {
            existing = entries.get(probe);
        }
        if (existing != null) {
            hits.incrementAndGet();
            return await(existing);
        }
        // Copy outside the lock; then check again, another thread may have started the same map.
        Key stored = probe.owningCopy();
        CompletableFuture<float[]> mine = new CompletableFuture<>();
        synchronized (entries) {
            existing = entries.putIfAbsent(stored, mine);
        }
        if (existing != null) {
            hits.incrementAndGet();
            return await(existing);
        }
        misses.incrementAndGet();
        try {
            float[] map = miss.compute(stored);
            mine.complete(map);
            return map;
        } catch (RuntimeException | Error e) {
            synchronized (entries) {
                entries.remove(stored, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static float[] await(CompletableFuture<float[]> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** What makes two maps the same; labels compared by content over a range. */
    private static final class Key {
        /** A {@link MapKind}, or the name of a recipe. */
        private final Object kind;
        private final int[] labels;
        private final int offset;
        private final int length;
        private final Grid grid;
        private final int classes;
        private final float[] weights;
        private final double alpha;
        private final boolean perSlice;
        private final int hash;

        Key(MapKind kind, int[] labels, int offset, Grid grid, int classes, MapOptions options, boolean perSlice) {
            this(kind, labels, offset, grid, classes,
                    kind == MapKind.RRW_WEIGHTED ? options.classWeights() : null,
                    kind == MapKind.HD ? options.hdAlpha() : 0, perSlice);
        }

        private Key(Object kind, int[] labels, int offset, Grid grid, int classes, float[] weights, double alpha,
                    boolean perSlice) {
            this.kind = kind;
            this.labels = labels;
            this.offset = offset;
            this.length = grid.size();
            this.grid = grid;
            this.classes = classes;
            this.weights = weights;
            this.alpha = alpha;
            this.perSlice = perSlice;
            int h = 1;
            for (int i = offset; i < offset + length; i++) {
                h = 31 * h + labels[i];
            }
            h = 31 * h + kind.hashCode();
            h = 31 * h + grid.hashCode();
            h = 31 * h + classes;
            h = 31 * h + Arrays.hashCode(weights);
            h = 31 * h + Double.hashCode(alpha);
            this.hash = 31 * h + Boolean.hashCode(perSlice);
        }

        /** The same key over a private copy of the labels, safe to store and never written. */
        Key owningCopy() {
            int[] copy = Arrays.copyOfRange(labels, offset, offset + length);
            return new Key(kind, copy, 0, grid, classes, weights, alpha, perSlice);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && kind.equals(k.kind) && classes == k.classes
                    && perSlice == k.perSlice && Double.compare(alpha, k.alpha) == 0 && grid.equals(k.grid)
                    && Arrays.equals(weights, k.weights)
                    && Arrays.equals(labels, offset, offset + length, k.labels, k.offset, k.offset + k.length);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
