package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Hand-computed examples and the documented edge cases of every map. */
class RegionMapsTest {

    /** One row of five voxels: class 0 on the left two, class 1 on the right three, class 2 absent. */
    private static final int[] ROW = {0, 0, 1, 1, 1};
    private static final Grid ROW_GRID = Grid.of(1, 5);
    private static final MapOptions ONE_THREAD = MapOptions.defaults().withThreads(1);

    @Test
    void rrwOfTheRow() {
        float[] z = RegionMaps.compute(MapKind.RRW, ROW, ROW_GRID, 3, ONE_THREAD);
        assertArrayEquals(new float[] {
            -1, -0.5f, 1, 1, 1,
            1, 1, -1 / 3f, -2 / 3f, -1,
            1, 1, 1, 1, 1}, z, 1e-7f);
    }

    @Test
    void boundaryOfTheRowInBothConventions() {
        assertArrayEquals(new float[] {
            -2, -1, 1, 2, 3,
            2, 1, -1, -2, -3,
            0, 0, 0, 0, 0}, RegionMaps.compute(MapKind.BOUNDARY, ROW, ROW_GRID, 3, ONE_THREAD));
        assertArrayEquals(new float[] {
            -1, 0, 1, 2, 3,
            2, 1, 0, -1, -2,
            0, 0, 0, 0, 0}, RegionMaps.compute(MapKind.BOUNDARY_KERVADEC, ROW, ROW_GRID, 3, ONE_THREAD));
    }

    @Test
    void hdOfTheRowIsTheBoundaryDistanceToTheAlpha() {
        // d = edt(S) + edt(~S) = [2, 1, 1, 2, 3] for both present classes.
        assertArrayEquals(new float[] {
            4, 1, 1, 4, 9,
            4, 1, 1, 4, 9,
            0, 0, 0, 0, 0}, RegionMaps.compute(MapKind.HD, ROW, ROW_GRID, 3, ONE_THREAD));
        assertArrayEquals(new float[] {
            2, 1, 1, 2, 3,
            2, 1, 1, 2, 3,
            0, 0, 0, 0, 0}, RegionMaps.compute(MapKind.HD, ROW, ROW_GRID, 3, ONE_THREAD.withHdAlpha(1)));
    }

    @Test
    void acAndCaoOfTheRow() {
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1},
                RegionMaps.compute(MapKind.AC, ROW, ROW_GRID, 3, ONE_THREAD));
        assertArrayEquals(new float[] {-1, -1, 1, 1, 1, 1, 1, -1, -1, -1, 1, 1, 1, 1, 1},
                RegionMaps.compute(MapKind.CAO, ROW, ROW_GRID, 3, ONE_THREAD));
    }

    @Test
    void classWeightedRrwPutsTheVoxelsOwnClassWeightOnItsOtherComponents() {
        float[] z = RegionMaps.compute(MapKind.RRW_WEIGHTED, ROW, ROW_GRID, 3, ONE_THREAD.withClassWeights(0.5f, 4, 9));
        assertArrayEquals(new float[] {
            -1, -0.5f, 4, 4, 4,
            0.5f, 0.5f, -1 / 3f, -2 / 3f, -1,
            0.5f, 0.5f, 4, 4, 4}, z, 1e-7f);
    }

    @Test
    void anisotropicBlockMeasuresWithSpacing() {
        // A 3x3 block in a 5x5 image, rows 2 apart, columns 1 apart: the middle column is 2 from
        // the outside (two columns sideways), every other block voxel 1.
        Grid grid = new Grid(new int[] {5, 5}, new double[] {2, 1});
        int[] labels = new int[25];
        for (int h = 1; h <= 3; h++) {
            for (int w = 1; w <= 3; w++) {
                labels[h * 5 + w] = 1;
            }
        }
        float[] z = RegionMaps.compute(MapKind.RRW, labels, grid, 2, ONE_THREAD);
        for (int h = 1; h <= 3; h++) {
            for (int w = 1; w <= 3; w++) {
                assertEquals(w == 2 ? -1f : -0.5f, z[25 + h * 5 + w], "voxel (" + h + ", " + w + ")");
            }
        }
        float[] boundary = RegionMaps.compute(MapKind.BOUNDARY, labels, grid, 2, ONE_THREAD);
        assertEquals((float) Math.sqrt(2 * 2 + 1), boundary[25], "corner (0, 0) to the block voxel (1, 1)");
    }

    @Test
    void emptyClassGivesRrwOneAndDistanceMapsZero() {
        int[] labels = new int[12]; // class 1 absent
        Grid grid = Grid.of(3, 4);
        float[] rrw = RegionMaps.compute(MapKind.RRW, labels, grid, 2, ONE_THREAD);
        assertTrue(allEqual(rrw, 12, 24, 1f));
        for (MapKind kind : new MapKind[] {MapKind.BOUNDARY, MapKind.BOUNDARY_KERVADEC, MapKind.HD}) {
            float[] z = RegionMaps.compute(kind, labels, grid, 2, ONE_THREAD);
            assertTrue(allEqual(z, 12, 24, 0f), kind + " of the absent class");
        }
    }

    @Test
    void classFillingTheImageGivesRrwMinusOneAndDistanceMapsZero() {
        int[] labels = new int[24];
        Arrays.fill(labels, 1);
        Grid grid = Grid.of(2, 3, 4);
        float[] rrw = RegionMaps.compute(MapKind.RRW, labels, grid, 2, ONE_THREAD);
        assertTrue(allEqual(rrw, 0, 24, 1f), "class 0 is absent");
        assertTrue(allEqual(rrw, 24, 48, -1f), "class 1 fills the image");
        assertTrue(RegionMaps.isRectified(rrw, labels, 2));
        for (MapKind kind : new MapKind[] {MapKind.BOUNDARY, MapKind.BOUNDARY_KERVADEC, MapKind.HD}) {
            assertTrue(allEqual(RegionMaps.compute(kind, labels, grid, 2, ONE_THREAD), 0, 48, 0f), kind.cliName());
        }
    }

    @Test
    void singleVoxelClassIsMinusOne() {
        Grid grid = new Grid(new int[] {3, 3, 3}, new double[] {4, 0.5, 2});
        int[] labels = new int[27];
        labels[13] = 2;
        float[] z = RegionMaps.compute(MapKind.RRW, labels, grid, 3, ONE_THREAD);
        assertEquals(-1f, z[2 * 27 + 13]);
        assertEquals(1f, z[13]);
        assertEquals(1f, z[27 + 13]);
        float[] boundary = RegionMaps.compute(MapKind.BOUNDARY_KERVADEC, labels, grid, 3, ONE_THREAD);
        assertEquals(1 - 0.5f, boundary[2 * 27 + 13], "Kervadec's -1 is literal: 1 - edt = 1 - 0.5");
    }

    @Test
    void thinSegmentWithAnisotropicSpacing() {
        // Row 1 of a 3x7 image, columns 1..5, spacing (h 1, w 0.5): the end voxels are 0.5 from the
        // outside sideways, the others 1 (up or down).
        Grid grid = new Grid(new int[] {3, 7}, new double[] {1, 0.5});
        int[] labels = new int[21];
        for (int w = 1; w <= 5; w++) {
            labels[7 + w] = 1;
        }
        float[] z = RegionMaps.compute(MapKind.RRW, labels, grid, 2, ONE_THREAD);
        assertArrayEquals(new float[] {-0.5f, -1, -1, -1, -0.5f}, Arrays.copyOfRange(z, 21 + 8, 21 + 13));
    }

    @Test
    void labelOutsideTheClassesNamesValueAndCoordinates() {
        int[] labels = new int[12];
        labels[6] = 5; // (1, 2) of a 3x4 grid
        var e = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.compute(MapKind.RRW, labels, Grid.of(3, 4), 3, ONE_THREAD));
        assertTrue(e.getMessage().contains("label 5") && e.getMessage().contains("(1, 2)")
                && e.getMessage().contains("[0, 3)"), e.getMessage());
        labels[6] = 0;
        labels[23 % 12] = -1; // (2, 3)
        var negative = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.compute(MapKind.AC, labels, Grid.of(3, 4), 3, ONE_THREAD));
        assertTrue(negative.getMessage().contains("label -1") && negative.getMessage().contains("(2, 3)"),
                negative.getMessage());
        int[] volume = new int[24];
        volume[(1 * 3 + 2) * 4 + 3] = 7;
        var threeD = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.compute(MapKind.HD, volume, Grid.of(2, 3, 4), 2, ONE_THREAD));
        assertTrue(threeD.getMessage().contains("(1, 2, 3)"), threeD.getMessage());
    }

    @Test
    void mismatchedSizesNameBoth() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.compute(MapKind.RRW, new int[11], Grid.of(3, 4), 2, ONE_THREAD));
        assertTrue(e.getMessage().contains("11") && e.getMessage().contains("12 voxels"), e.getMessage());
        var r = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.rectify(new float[7], new int[4], 2));
        assertTrue(r.getMessage().contains("7") && r.getMessage().contains("8"), r.getMessage());
    }

    @Test
    void weightedRrwNeedsOneWeightPerClass() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.compute(MapKind.RRW_WEIGHTED, ROW, ROW_GRID, 3, ONE_THREAD));
        assertTrue(missing.getMessage().contains("classWeights"), missing.getMessage());
        var count = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.compute(MapKind.RRW_WEIGHTED, ROW, ROW_GRID, 3, ONE_THREAD.withClassWeights(1, 2)));
        assertTrue(count.getMessage().contains("2 class weights") && count.getMessage().contains("3 classes"),
                count.getMessage());
    }

    @Test
    void rejectsNoClassesAndNullKind() {
        assertThrows(IllegalArgumentException.class, () -> RegionMaps.compute(MapKind.RRW, ROW, ROW_GRID, 0, ONE_THREAD));
        var e = assertThrows(IllegalArgumentException.class, () -> RegionMaps.compute(null, ROW, ROW_GRID, 2, ONE_THREAD));
        assertTrue(e.getMessage().contains("rrw|"), e.getMessage());
    }

    @Test
    void boundaryMapIsNotRectifiedWithThreeClassesButRectifyFixesIt() {
        int[] labels = {0, 1, 1, 2, 2, 2};
        Grid grid = Grid.of(1, 6);
        float[] z = RegionMaps.compute(MapKind.BOUNDARY, labels, grid, 3, ONE_THREAD);
        assertTrue(!RegionMaps.isRectified(z, labels, 3));
        float[] r = RegionMaps.rectify(z, labels, 3);
        assertTrue(RegionMaps.isRectified(r, labels, 3));
        for (int i = 0; i < labels.length; i++) {
            assertEquals(z[labels[i] * 6 + i], r[labels[i] * 6 + i], "the boundary map's true values are kept");
        }
    }

    @Test
    void computeIntoWritesExactlyItsRangeOfAStaleBuffer() {
        int[] labels = MapBatchTest.images(11)[2];
        Grid grid = Grid.of(9, 7);
        MapOptions options = ONE_THREAD.withClassWeights(1, 2, 3);
        for (MapKind kind : MapKind.values()) {
            float[] out = new float[5 + 3 * 63 + 4];
            Arrays.fill(out, Float.NaN);
            RegionMaps.computeInto(kind, labels, grid, 3, options, out, 5);
            assertArrayEquals(RegionMaps.compute(kind, labels, grid, 3, options), Arrays.copyOfRange(out, 5, 5 + 189),
                    kind.cliName());
            assertTrue(Float.isNaN(out[4]) && Float.isNaN(out[5 + 189]), kind + " wrote outside its range");
        }
        var e = assertThrows(IllegalArgumentException.class,
                () -> RegionMaps.computeInto(MapKind.RRW, labels, grid, 3, options, new float[190], 2));
        assertTrue(e.getMessage().contains("190") && e.getMessage().contains("189"), e.getMessage());
    }

    static boolean allEqual(float[] z, int from, int to, float value) {
        for (int i = from; i < to; i++) {
            if (z[i] != value) {
                return false;
            }
        }
        return true;
    }
}
