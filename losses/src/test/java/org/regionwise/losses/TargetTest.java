package org.regionwise.losses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapCache;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;

/** Targets: one-hot labels, maps per image with spacing, mapped once by the cache, the shared cache, supplied maps, errors. */
class TargetTest {
    private static final int[] TWO_IMAGES = {
        0, 0, 1,
        0, 1, 1,
        // image 1
        2, 2, 2,
        0, 0, 2,
    };

    @Test
    void oneHotIsChannelMajorPerImage() {
        Target t = Target.of(TWO_IMAGES, 2, 2, 3, 3);
        float[] y = t.oneHot();
        assertEquals(2 * 3 * 6, y.length);
        assertArrayEquals(new float[] {1, 1, 0, 1, 0, 0}, java.util.Arrays.copyOfRange(y, 0, 6), 0f);
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 1}, java.util.Arrays.copyOfRange(y, 6, 12), 0f);
        assertArrayEquals(new float[] {1, 1, 1, 0, 0, 1}, java.util.Arrays.copyOfRange(y, 30, 36), 0f);
        assertEquals(0, t.classCount(1, 1));
        assertEquals(4, t.classCount(1, 2));
    }

    @Test
    void mapsArePerImageWithTheSpacingAndComputedOnce() {
        MapCache cache = new MapCache();
        Target t = Target.builder(TWO_IMAGES, 2, 2, 3, 3).spacing(2.0, 0.5).cache(cache).build();
        float[] z = t.map(MapKind.BOUNDARY);
        // The target's one cache maps each image once; asking again copies the cached images.
        assertArrayEquals(z, t.map(MapKind.BOUNDARY), 0f);
        assertEquals(2, cache.misses());
        assertEquals(2, cache.hits());
        Grid grid = new Grid(new int[] {2, 3}, new double[] {2.0, 0.5});
        float[] image1 = RegionMaps.compute(MapKind.BOUNDARY, java.util.Arrays.copyOfRange(TWO_IMAGES, 6, 12), grid, 3,
                MapOptions.defaults());
        assertArrayEquals(image1, java.util.Arrays.copyOfRange(z, 18, 36), 0f);
    }

    @Test
    void aSharedCacheMapsEachLabelImageOnce() {
        MapCache cache = new MapCache();
        Target.builder(TWO_IMAGES, 2, 2, 3, 3).cache(cache).build().map(MapKind.RRW);
        Target.builder(TWO_IMAGES, 2, 2, 3, 3).cache(cache).build().map(MapKind.RRW);
        assertEquals(2, cache.misses());
        assertEquals(2, cache.hits());
    }

    @Test
    void suppliedMapsAreUsedAsGiven() {
        float[] z = new float[36];
        for (int i = 0; i < z.length; i++) z[i] = i;
        Target t = Target.builder(TWO_IMAGES, 2, 2, 3, 3).map(MapKind.RRW, z).build();
        assertArrayEquals(z, t.map(MapKind.RRW), 0f);
        assertThrows(IllegalArgumentException.class, () -> Target.builder(TWO_IMAGES, 2, 2, 3, 3).map(MapKind.RRW, new float[3]).build());
    }

    @Test
    void derivedSourcesRectifyAndZeroTheTrueClass() {
        Target t = Target.of(TWO_IMAGES, 2, 2, 3, 3);
        float[] rectified = t.map(MapSource.rectified(MapSource.of(MapKind.BOUNDARY)));
        for (int b = 0; b < 2; b++) {
            float[] image = java.util.Arrays.copyOfRange(rectified, b * 18, b * 18 + 18);
            assertTrue(RegionMaps.isRectified(image, java.util.Arrays.copyOfRange(TWO_IMAGES, b * 6, b * 6 + 6), 3));
        }
        float[] zeroed = t.map(MapSource.trueClassZeroed(MapSource.of(MapKind.HD)));
        float[] hd = t.map(MapKind.HD);
        float[] y = t.oneHot();
        for (int i = 0; i < y.length; i++) assertEquals(y[i] == 1f ? 0f : hd[i], zeroed[i]);
    }

    @Test
    void errorsNameTheShapes() {
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> Target.of(new int[] {0, 3, 0, 0}, 1, 2, 2, 3));
        assertTrue(label.getMessage().contains("label 3 at image 0, pixel (0, 1)"), label.getMessage());
        Target t = Target.of(TWO_IMAGES, 2, 2, 3, 3);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> new DiceLoss().forward(Tensor.zeros(2, 4, 2, 3), t));
        assertTrue(shape.getMessage().contains("[2, 4, 2, 3]") && shape.getMessage().contains("[2, 3, 2, 3]"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Target.of(new int[5], 1, 2, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Target.of(new int[4], 1, 2, 2, 1));
    }

    /**
     * The tensors a target hands out are built once per backend and kept with it (a device uploads them once for
     * as long as the target is in use), with the values of the arrays they come from.
     */
    @Test
    void tensorsAreKeptPerBackendWithTheTargetsValues() {
        Target t = Target.of(TWO_IMAGES, 2, 2, 3, 3);
        Tensor oneHot = t.oneHotTensor();
        assertSame(oneHot, t.oneHotTensor());
        assertArrayEquals(t.oneHot(), oneHot.data(), 0f);
        Tensor map = t.mapTensor(MapSource.of(MapKind.RRW));
        assertSame(map, t.mapTensor(MapSource.of(MapKind.RRW)));
        assertArrayEquals(t.map(MapKind.RRW), map.data(), 0f);
        org.regionwise.autodiff.backend.Backend previous = org.regionwise.autodiff.backend.Backends.getDefault();
        try {
            org.regionwise.autodiff.backend.Backends.setDefault(new org.regionwise.autodiff.backend.CpuBackend(new org.regionwise.autodiff.backend.ReferenceKernels()));
            Tensor elsewhere = t.oneHotTensor();
            assertTrue(elsewhere != oneHot, "another backend gets its own tensor");
            assertArrayEquals(t.oneHot(), elsewhere.data(), 0f);
        } finally {
            org.regionwise.autodiff.backend.Backends.setDefault(previous);
        }
    }
}
