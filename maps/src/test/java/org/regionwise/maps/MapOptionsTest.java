package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MapOptionsTest {

    @Test
    void defaultsAreNoWeightsAlphaTwoAllProcessors() {
        MapOptions d = MapOptions.defaults();
        assertNull(d.classWeights());
        assertEquals(2.0, d.hdAlpha());
        assertEquals(Runtime.getRuntime().availableProcessors(), d.threads());
    }

    @Test
    void comparesWeightsByContentAndCopiesThem() {
        float[] w = {1, 2};
        MapOptions a = MapOptions.defaults().withClassWeights(w);
        w[0] = 9;
        assertArrayEquals(new float[] {1, 2}, a.classWeights());
        assertEquals(MapOptions.defaults().withClassWeights(1, 2), a);
        assertEquals(MapOptions.defaults().withClassWeights(1, 2).hashCode(), a.hashCode());
    }

    @Test
    void rejectsWeightsThatCouldBreakRectification() {
        var e = assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withClassWeights(1, -0.5f));
        assertTrue(e.getMessage().contains("w_1 = -0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withClassWeights(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withClassWeights(Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withHdAlpha(-1));
        assertThrows(IllegalArgumentException.class, () -> MapOptions.defaults().withThreads(0));
    }
}
