package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MapCacheTest {

    private static final Grid GRID = Grid.of(6, 5);

    @Test
    void equalContentInAnotherArrayIsAHit() {
        MapCache cache = new MapCache();
        int[] labels = MapBatchTest.images(3)[0];
        float[] first = cache.get(MapKind.RRW, labels, Grid.of(9, 7), 3, MapOptions.defaults());
        float[] second = cache.get(MapKind.RRW, labels.clone(), Grid.of(9, 7), 3, MapOptions.defaults().withThreads(1));
        assertSame(first, second, "threads do not change a map, so they are not part of the key");
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());
        assertArrayEquals(RegionMaps.compute(MapKind.RRW, labels, Grid.of(9, 7), 3, null), first);
    }

    @Test
    void everyPartOfTheKeyMatters() {
        MapCache cache = new MapCache();
        int[] labels = new int[30];
        labels[7] = 1;
        MapOptions o = MapOptions.defaults();
        float[] base = cache.get(MapKind.HD, labels, GRID, 2, o);
        assertNotSame(base, cache.get(MapKind.BOUNDARY, labels, GRID, 2, o));
        assertNotSame(base, cache.get(MapKind.HD, labels, GRID, 3, o));
        assertNotSame(base, cache.get(MapKind.HD, labels, GRID.withSpacing(1, 2), 2, o));
        assertNotSame(base, cache.get(MapKind.HD, labels, GRID, 2, o.withHdAlpha(1)));
        int[] other = labels.clone();
        other[8] = 1;
        assertNotSame(base, cache.get(MapKind.HD, other, GRID, 2, o));
        assertEquals(6, cache.size());
        assertSame(base, cache.get(MapKind.HD, labels, GRID, 2, o.withClassWeights(1, 2)), "weights do not matter for hd");
        float[] weighted = cache.get(MapKind.RRW_WEIGHTED, labels, GRID, 2, o.withClassWeights(1, 2));
        assertNotSame(weighted, cache.get(MapKind.RRW_WEIGHTED, labels, GRID, 2, o.withClassWeights(1, 3)));
        Grid volume = Grid.of(2, 3, 5);
        assertNotSame(cache.get(MapKind.RRW, labels, volume, 2, o), cache.getPerSlice(MapKind.RRW, labels, volume, 2, o));
    }

    @Test
    void keepsItsOwnCopyOfTheLabels() {
        MapCache cache = new MapCache();
        int[] labels = new int[30];
        float[] map = cache.get(MapKind.AC, labels, GRID, 2, null);
        labels[0] = 1;
        assertNotSame(map, cache.get(MapKind.AC, labels, GRID, 2, null));
        assertSame(map, cache.get(MapKind.AC, new int[30], GRID, 2, null));
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondTheBound() {
        MapCache cache = new MapCache(2);
        int[] a = new int[30];
        int[] b = a.clone();
        b[0] = 1;
        int[] c = a.clone();
        c[1] = 1;
        float[] mapA = cache.get(MapKind.CAO, a, GRID, 2, null);
        cache.get(MapKind.CAO, b, GRID, 2, null);
        cache.get(MapKind.CAO, a, GRID, 2, null); // a is now the most recent
        cache.get(MapKind.CAO, c, GRID, 2, null); // evicts b
        assertEquals(2, cache.size());
        assertSame(mapA, cache.get(MapKind.CAO, a, GRID, 2, null));
        long misses = cache.misses();
        cache.get(MapKind.CAO, b, GRID, 2, null);
        assertEquals(misses + 1, cache.misses());
        assertThrows(IllegalArgumentException.class, () -> new MapCache(0));
    }

    @Test
    void concurrentRequestsForOneMapComputeItOnce() throws Exception {
        MapCache cache = new MapCache();
        int[] labels = new int[64 * 64];
        for (int i = 0; i < labels.length; i += 3) {
            labels[i] = 1;
        }
        Grid grid = Grid.of(64, 64);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(MapKind.BOUNDARY, labels.clone(), grid, 2, MapOptions.defaults().withThreads(1));
                }));
            }
            start.countDown();
            float[] first = results.get(0).get();
            for (Future<float[]> r : results) {
                assertSame(first, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, cache.misses());
        assertEquals(15, cache.hits());
    }

    @Test
    void failedComputationIsNotCached() {
        MapCache cache = new MapCache();
        int[] labels = new int[30];
        labels[3] = 5;
        assertThrows(IllegalArgumentException.class, () -> cache.get(MapKind.RRW, labels, GRID, 2, null));
        assertEquals(0, cache.size());
        assertThrows(IllegalArgumentException.class, () -> cache.get(MapKind.RRW, new int[29], GRID, 2, null));
    }

    @Test
    void copyIntoWritesAPrivateCopyAtTheOffset() {
        MapCache cache = new MapCache();
        float[] out = new float[3 + 60];
        cache.copyInto(MapKind.CAO, new int[30], GRID, 2, null, out, 3);
        assertEquals(-1f, out[3]);
        assertEquals(1f, out[3 + 30]);
    }
}
