package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PerSliceProperties {

    @Provide
    Arbitrary<Generated.LabelCase> volumes() {
        return Generated.anyLabels(Generated.grids3d(7), 1, 4);
    }

    @Property(tries = 100)
    void eachSliceIsThe2dMapOfThatSlice(@ForAll("volumes") Generated.LabelCase v, @ForAll MapKind kind) {
        MapOptions options = MapOptions.defaults().withClassWeights(RegionMapsProperties.weights(v.classes())).withThreads(3);
        float[] volume = RegionMaps.computePerSlice(kind, v.labels(), v.grid(), v.classes(), options);
        Grid slice = v.grid().slice();
        int hw = slice.size();
        int n = v.labels().length;
        for (int s = 0; s < v.grid().dim(0); s++) {
            int[] labels = Arrays.copyOfRange(v.labels(), s * hw, (s + 1) * hw);
            float[] expected = RegionMaps.compute(kind, labels, slice, v.classes(), options.withThreads(1));
            for (int c = 0; c < v.classes(); c++) {
                assertArrayEquals(Arrays.copyOfRange(expected, c * hw, (c + 1) * hw),
                        Arrays.copyOfRange(volume, c * n + s * hw, c * n + (s + 1) * hw), "slice " + s + " class " + c);
            }
        }
    }

    @Example
    void sliceMappingIgnoresTheThroughPlaneNeighbours() {
        // A 3-slice column of class 1 voxels: in 3D the middle one is deeper than the ends only along
        // the slice axis; per slice every voxel is a single-voxel class (-1), and an empty slice is 1.
        Grid grid = new Grid(new int[] {4, 3, 3}, new double[] {0.25, 1, 1});
        int[] labels = new int[36];
        for (int s = 0; s < 3; s++) {
            labels[s * 9 + 4] = 1;
        }
        float[] perSlice = RegionMaps.computePerSlice(MapKind.RRW, labels, grid, 2, MapOptions.defaults());
        for (int s = 0; s < 3; s++) {
            assertTrue(perSlice[36 + s * 9 + 4] == -1f);
        }
        assertTrue(RegionMapsTest.allEqual(perSlice, 36 + 27, 72, 1f), "slice 3 has no class 1");
        // In 3D the nearest outside voxel is below the column, along the 0.25 axis (the array's
        // outside does not count): 0.75, 0.5 and 0.25 away.
        float[] volume = RegionMaps.compute(MapKind.RRW, labels, grid, 2, MapOptions.defaults());
        assertArrayEquals(new float[] {-1, -2 / 3f, -1 / 3f},
                new float[] {volume[36 + 4], volume[36 + 13], volume[36 + 22]}, 1e-6f);
    }

    @Example
    void needsA3dGridAndNamesBadLabelsBy3dCoordinates() {
        assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.computePerSlice(MapKind.RRW, new int[4], Grid.of(2, 2), 2, null));
        int[] labels = new int[8];
        labels[7] = 3;
        var e = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.computePerSlice(MapKind.RRW, labels, Grid.of(2, 2, 2), 2, null));
        assertTrue(e.getMessage().contains("(1, 1, 1)"), e.getMessage());
    }
}
