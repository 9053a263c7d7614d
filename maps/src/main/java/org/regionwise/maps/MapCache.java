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
        if (labels == null || grid == null) {
            throw new IllegalArgumentException("maps need labels and a grid");
        }
        if (offset < 0 || (long) offset + grid.size() > labels.length) {
            throw new IllegalArgumentException("labels has " + labels.length + " entries, too few for " + grid
                    + " (" + grid.size() + " voxels) at offset " + offset);
        }
        RegionMaps.checkKind(kind, classes, opts);
        Key probe = new Key(kind, labels, offset, grid, classes, opts, perSlice);
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
            float[] map = perSlice
                    ? RegionMaps.computePerSlice(kind, stored.labels, grid, classes, opts)
                    : RegionMaps.compute(kind, stored.labels, grid, classes, opts);
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
        private final MapKind kind;
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

        private Key(MapKind kind, int[] labels, int offset, Grid grid, int classes, float[] weights, double alpha,
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
            return o instanceof Key k && hash == k.hash && kind == k.kind && classes == k.classes
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
