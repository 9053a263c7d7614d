package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MapBatchTest {

    private static final int B = 5;
    private static final int H = 9;
    private static final int W = 7;
    private static final int C = 3;

    @Test
    void fillsEachImagesMapAtItsOffset() {
        int[][] images = images(42);
        MapOptions options = MapOptions.defaults().withThreads(3);
        for (MapKind kind : new MapKind[] {MapKind.RRW, MapKind.BOUNDARY, MapKind.HD, MapKind.CAO}) {
            float[] out = new float[B * C * H * W];
            new MapBatch().fill(kind, images, B, H, W, C, options, out);
            for (int b = 0; b < B; b++) {
                float[] expected = RegionMaps.compute(kind, images[b], Grid.of(H, W), C, options);
                assertArrayEquals(expected, Arrays.copyOfRange(out, b * C * H * W, (b + 1) * C * H * W), kind + " image " + b);
            }
        }
    }

    @Test
    void flatLabelsCachedOrNotAndAnyThreadCountGiveTheSameBuffer() {
        int[][] images = images(7);
        int[] flat = new int[B * H * W];
        for (int b = 0; b < B; b++) {
            System.arraycopy(images[b], 0, flat, b * H * W, H * W);
        }
        float[] reference = new float[B * C * H * W];
        new MapBatch().fill(MapKind.RRW, images, B, H, W, C, MapOptions.defaults().withThreads(1), reference);
        MapCache cache = new MapCache();
        for (int threads : new int[] {1, 2, 4}) {
            float[] fromFlat = new float[reference.length];
            new MapBatch().fill(MapKind.RRW, flat, B, H, W, C, MapOptions.defaults().withThreads(threads), fromFlat);
            assertArrayEquals(reference, fromFlat);
            float[] cached = new float[reference.length];
            new MapBatch(cache).fill(MapKind.RRW, flat, B, H, W, C, MapOptions.defaults().withThreads(threads), cached);
            assertArrayEquals(reference, cached);
        }
        assertEquals(B, cache.misses());
        assertEquals(2L * B, cache.hits());
    }

    @Test
    void spacingOfTheImageGridIsUsed() {
        int[] labels = new int[2 * 3 * 4];
        labels[5] = 1;
        labels[12 + 6] = 1;
        labels[12 + 7] = 1;
        Grid grid = new Grid(new int[] {3, 4}, new double[] {2, 0.5});
        float[] out = new float[2 * 2 * 12];
        new MapBatch().fill(MapKind.BOUNDARY, labels, 2, grid, 2, MapOptions.defaults(), out);
        assertArrayEquals(RegionMaps.compute(MapKind.BOUNDARY, Arrays.copyOfRange(labels, 12, 24), grid, 2, null),
                Arrays.copyOfRange(out, 24, 48));
    }

    @Test
    void errorsNameSizesAndTheImageOfABadLabel() {
        MapBatch batch = new MapBatch();
        MapOptions o = MapOptions.defaults();
        var out = assertThrows(IllegalArgumentException.class,
                () -> batch.fill(MapKind.RRW, new int[B * H * W], B, H, W, C, o, new float[10]));
        assertTrue(out.getMessage().contains("10") && out.getMessage().contains("(5, 3, 9, 7)")
                && out.getMessage().contains(String.valueOf(B * C * H * W)), out.getMessage());
        var labels = assertThrows(IllegalArgumentException.class,
                () -> batch.fill(MapKind.RRW, new int[12], B, H, W, C, o, new float[B * C * H * W]));
        assertTrue(labels.getMessage().contains("12") && labels.getMessage().contains(String.valueOf(B * H * W)),
                labels.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> batch.fill(MapKind.RRW, new int[B - 1][H * W], B, H, W, C, o, new float[B * C * H * W]));
        int[][] images = images(1);
        images[3][2 * W + 4] = 9;
        for (MapBatch filler : new MapBatch[] {batch, new MapBatch(new MapCache())}) {
            var bad = assertThrows(IllegalArgumentException.class,
                    () -> filler.fill(MapKind.RRW, images, B, H, W, C, o.withThreads(2), new float[B * C * H * W]));
            assertTrue(bad.getMessage().contains("image 3") && bad.getMessage().contains("label 9")
                    && bad.getMessage().contains("(2, 4)"), bad.getMessage());
        }
    }

    /** Blobs: each pixel takes the class of the nearest of a few random seeds, some classes rare. */
    static int[][] images(long seed) {
        Random random = new Random(seed);
        int[][] images = new int[B][H * W];
        for (int b = 0; b < B; b++) {
            int seeds = 1 + random.nextInt(4);
            int[] sh = new int[seeds];
            int[] sw = new int[seeds];
            int[] sc = new int[seeds];
            for (int s = 0; s < seeds; s++) {
                sh[s] = random.nextInt(H);
                sw[s] = random.nextInt(W);
                sc[s] = random.nextInt(C);
            }
            for (int h = 0; h < H; h++) {
                for (int w = 0; w < W; w++) {
                    int best = 0;
                    for (int s = 1; s < seeds; s++) {
                        if (sq(h - sh[s]) + sq(w - sw[s]) < sq(h - sh[best]) + sq(w - sw[best])) {
                            best = s;
                        }
                    }
                    images[b][h * W + w] = sc[best];
                }
            }
        }
        return images;
    }

    private static int sq(int x) {
        return x * x;
    }
}
