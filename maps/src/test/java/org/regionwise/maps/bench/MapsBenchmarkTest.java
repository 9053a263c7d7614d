package org.regionwise.maps.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MapsBenchmarkTest {

    @Test
    void smallRunReportsMediansLinesAndJson() {
        MapsBenchmark.Result r = MapsBenchmark.run(2, new int[] {8, 9, 10}, new int[] {7, 6, 5}, 1, 3);
        assertEquals(3, r.edt().wallMs().size());
        assertEquals(3, r.rrw().cpuMs().size());
        assertEquals(MapsBenchmark.median(r.edt().wallMs()), r.edt().medianWallMs());
        assertEquals("8x9x10", r.edtShape());
        assertEquals(2, r.lines().size());
        String json = r.toJson();
        assertTrue(json.startsWith("{\"benchmark\":\"maps\",\"threads\":2,") && json.contains("\"shape\":\"7x6x5\"")
                && json.contains("\"median_cpu_ms\":"), json);
        assertThrows(IllegalArgumentException.class, () -> MapsBenchmark.run(0));
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.0, MapsBenchmark.median(List.of(3.0, 1.0, 2.0)));
        assertEquals(2.5, MapsBenchmark.median(List.of(4.0, 1.0, 2.0, 3.0)));
    }

    @Test
    void phantomsMatchTheirNumpyDefinition() {
        // 1x5x5 with fraction 0.8: semi-axes 0.4, 2, 2 around (0, 2, 2): the centre row and column
        // within 2 of the centre, minus the far corners.
        boolean[] mask = Phantoms.ellipsoid(new int[] {1, 5, 5}, 0.8);
        assertTrue(mask[12]);
        assertTrue(mask[10] && mask[14] && mask[2] && mask[22]);
        assertTrue(!mask[0] && !mask[4]);
        int[] labels = Phantoms.nestedEllipsoids(new int[] {9, 9, 9}, 4);
        assertEquals(3, labels[4 * 81 + 4 * 9 + 4]);
        assertEquals(0, labels[0]);
    }
}
