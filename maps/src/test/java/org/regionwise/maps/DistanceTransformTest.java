package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @Test
    void backgroundVoxelsGetZeroAndForegroundTheirDistanceInSpacingUnits() {
        // One background voxel at (0, 0, 0) of a 2x3x4 grid with spacing (3, 2, 0.5).
        Grid grid = new Grid(new int[] {2, 3, 4}, new double[] {3, 2, 0.5});
        boolean[] mask = new boolean[grid.size()];
        Arrays.fill(mask, true);
        mask[0] = false;
        float[] d = DistanceTransform.edt(mask, grid, 2);
        assertEquals(0f, d[0]);
        int far = grid.size() - 1; // (1, 2, 3)
        assertEquals(Math.sqrt(3 * 3 + 4 * 4 + 1.5 * 1.5), d[far], 1e-6);
        assertEquals(0.5f, d[1]);
        assertEquals(2f, d[4]);
        assertEquals(3f, d[12]);
    }

    @Test
    void maskWithoutBackgroundIsInfiniteEverywhere() {
        boolean[] full = new boolean[12];
        Arrays.fill(full, true);
        float[] d = DistanceTransform.edt(full, Grid.of(3, 4));
        for (float v : d) {
            assertEquals(Float.POSITIVE_INFINITY, v);
        }
    }

    @Test
    void emptyMaskIsZeroEverywhere() {
        float[] d = DistanceTransform.edt(new boolean[24], Grid.of(2, 3, 4));
        assertArrayEquals(new float[24], d);
    }

    @Test
    void oneVoxelThinLineIsOneSpacingDeepAcrossItsThinAxis() {
        // A full-width row in a 5x7 image with spacing (h 0.5, w 2): every line voxel's nearest
        // background is the row above or below, 0.5 away.
        Grid grid = new Grid(new int[] {5, 7}, new double[] {0.5, 2});
        boolean[] mask = new boolean[grid.size()];
        Arrays.fill(mask, 2 * 7, 3 * 7, true);
        float[] d = DistanceTransform.edt(mask, grid, 1);
        for (int w = 0; w < 7; w++) {
            assertEquals(0.5f, d[2 * 7 + w]);
        }
    }

    @Test
    void nonCubicVolumeMatchesBruteForce() {
        Grid grid = new Grid(new int[] {3, 9, 5}, new double[] {2.5, 0.7, 1.1});
        boolean[] mask = new boolean[grid.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (i * 7919) % 11 != 0;
        }
        float[] fast = DistanceTransform.edt(mask, grid, 3);
        double[] reference = BruteForce.edt(mask, grid);
        for (int i = 0; i < fast.length; i++) {
            assertEquals(reference[i], fast[i], 1e-5, "voxel " + Arrays.toString(grid.coordinates(i)));
        }
    }

    @Test
    void squaredEdtIsTheSquare() {
        Grid grid = new Grid(new int[] {4, 6}, new double[] {1.5, 0.5});
        boolean[] mask = new boolean[grid.size()];
        Arrays.fill(mask, 3, 20, true);
        float[] d = DistanceTransform.edt(mask, grid, 1);
        float[] d2 = DistanceTransform.squaredEdt(mask, grid, 1);
        for (int i = 0; i < d.length; i++) {
            assertEquals(d[i] * d[i], d2[i], 1e-5);
        }
    }

    @Test
    void signedDistanceIsNegativeInsidePositiveOutside() {
        // 1x5 row, mask = {2, 3, 4}: outside voxels 0, 1 are 2 and 1 from it, inside voxels 1, 2, 3
        // from the outside.
        boolean[] mask = {false, false, true, true, true};
        assertArrayEquals(new float[] {2, 1, -1, -2, -3}, DistanceTransform.signedDistance(mask, Grid.of(1, 5)));
        float[] empty = DistanceTransform.signedDistance(new boolean[3], Grid.of(1, 3));
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Float.POSITIVE_INFINITY}, empty);
        float[] full = DistanceTransform.signedDistance(new boolean[] {true, true}, Grid.of(1, 2));
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, full);
    }

    @Test
    void mismatchedSizesNameBoth() {
        var e = assertThrows(IllegalArgumentException.class, () -> DistanceTransform.edt(new boolean[5], Grid.of(2, 3)));
        assertTrue(e.getMessage().contains("5") && e.getMessage().contains("6 voxels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DistanceTransform.edt(new boolean[6], Grid.of(2, 3), 0));
    }
}
