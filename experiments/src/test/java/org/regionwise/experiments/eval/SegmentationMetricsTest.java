package org.regionwise.experiments.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.regionwise.maps.Connectivity;
import org.regionwise.maps.Grid;

/** Hand-computed cases and the empty/full/single-voxel edge cases. */
class SegmentationMetricsTest {

    /** Distances are read from a float distance transform: agreement to 1e-4 mm is required. */
    private static final double MM = 1e-4;

    private static ClassMetrics compare(boolean[] prediction, boolean[] reference, Grid grid) {
        return SegmentationMetrics.compare(1, prediction, reference, grid, SegmentationMetrics.defaultConnectivity(grid));
    }

    @Test
    void squareWithAFarStrayVoxelAnisotropic() {
        // Reference: the 3x3 square rows 1..3, cols 1..3; prediction: the same plus a stray voxel at
        // (10, 10). Face-connected surfaces: the 8-voxel ring (the centre is interior), plus the stray.
        // Rows are 2 mm apart and columns 0.5 mm: the stray's nearest ring voxel is (3, 3), at
        // sqrt((7 * 2)^2 + (7 * 0.5)^2) = sqrt(208.25) mm.
        Grid grid = new Grid(new int[] {12, 12}, new double[] {2.0, 0.5});
        boolean[] reference = Masks.rectangle(grid, 1, 3, 1, 3);
        boolean[] prediction = reference.clone();
        prediction[10 * 12 + 10] = true;
        double far = Math.sqrt(208.25);

        ClassMetrics m = compare(prediction, reference, grid);
        assertEquals(ClassStatus.OK, m.status());
        assertEquals(10, m.predictionVoxels());
        assertEquals(9, m.referenceVoxels());
        assertEquals(18.0 / 19.0, m.dice(), 1e-15);
        assertEquals(far, m.hausdorff(), MM);
        // Pooled: 16 zeros and `far`; h = 16 * 0.95 = 15.2 -> 0.2 * far.
        assertEquals(0.2 * far, m.hd95Pooled(), MM);
        // Directed: prediction -> reference has 8 zeros and `far`, h = 8 * 0.95 = 7.6 -> 0.6 * far;
        // reference -> prediction is all zeros.
        assertEquals(0.6 * far, m.hd95(), MM);
        // MedPy: (far / 9 + 0) / 2; pooled: far / 17.
        assertEquals(far / 18, m.assd(), MM);
        assertEquals(far / 17, m.assdPooled(), MM);
    }

    @Test
    void squaresShiftedAlongEachAxisPickUpThatAxisSpacing() {
        Grid grid = new Grid(new int[] {10, 10}, new double[] {2.0, 0.5});
        boolean[] reference = Masks.rectangle(grid, 2, 5, 2, 5);
        // One column right: Dice 2 * 12 / 32; every distance 0 or one column step (0.5 mm), six of
        // the twelve ring voxels in each direction at 0.5 mm.
        ClassMetrics right = compare(Masks.rectangle(grid, 2, 5, 3, 6), reference, grid);
        assertEquals(0.75, right.dice(), 1e-15);
        assertEquals(0.5, right.hausdorff(), MM);
        assertEquals(0.5, right.hd95Pooled(), MM);
        assertEquals(0.5, right.hd95(), MM);
        assertEquals(0.25, right.assd(), MM);
        assertEquals(0.25, right.assdPooled(), MM);
        // One row down (2 mm): in each direction the 4 voxels of the leading row are 2 mm from the
        // other ring, the 2 inner voxels of the trailing row lie inside the other square, one column
        // (0.5 mm) from its side, and the other 6 lie on the other ring.
        ClassMetrics down = compare(Masks.rectangle(grid, 3, 6, 2, 5), reference, grid);
        assertEquals(0.75, down.dice(), 1e-15);
        assertEquals(2.0, down.hausdorff(), MM);
        // Pooled: 12 zeros, 4 x 0.5, 8 x 2; h = 23 * 0.95 = 21.85. Directed: h = 11 * 0.95 = 10.45.
        assertEquals(2.0, down.hd95Pooled(), MM);
        assertEquals(2.0, down.hd95(), MM);
        assertEquals((4 * 2.0 + 2 * 0.5) / 12, down.assd(), MM);
        assertEquals((4 * 2.0 + 2 * 0.5) / 12, down.assdPooled(), MM);
    }

    @Test
    void cubesShiftedAlongDepthIn3dWithAnisotropicSpacing() {
        // Cubes [2, 5]^3 (reference) and [3, 6] x [2, 5]^2 (prediction), 2.5 mm between slices, 1 mm
        // in plane. Dice 2 * 48 / 128. Reference surface (56 voxels) to the prediction's: its bottom
        // face (depth 2, 16 voxels) is one slice below the prediction's bottom face (2.5 mm); the 4
        // inner voxels of its top face (depth 5) lie inside the prediction, 1 mm from its side faces;
        // the other 36 lie on the prediction's side faces (0). The other direction mirrors this.
        Grid grid = new Grid(new int[] {8, 8, 8}, new double[] {2.5, 1.0, 1.0});
        boolean[] reference = Masks.box(grid, 2, 5, 2, 5, 2, 5);
        boolean[] prediction = Masks.box(grid, 3, 6, 2, 5, 2, 5);

        ClassMetrics m = compare(prediction, reference, grid);
        assertEquals(0.75, m.dice(), 1e-15);
        assertEquals(2.5, m.hausdorff(), MM);
        // Pooled: 72 zeros, 8 ones, 32 x 2.5; h = 111 * 0.95 = 105.45, inside the 2.5s.
        assertEquals(2.5, m.hd95Pooled(), MM);
        assertEquals(2.5, m.hd95(), MM);
        assertEquals((16 * 2.5 + 4 * 1.0) / 56, m.assd(), MM);
        assertEquals((16 * 2.5 + 4 * 1.0) / 56, m.assdPooled(), MM);
    }

    @Test
    void bothEmptyIsUndefinedEverywhere() {
        Grid grid = Grid.of(4, 4);
        ClassMetrics m = compare(new boolean[16], new boolean[16], grid);
        assertEquals(ClassStatus.BOTH_EMPTY, m.status());
        for (Metric metric : Metric.values()) {
            assertTrue(Double.isNaN(m.get(metric)), metric + " must be undefined when both are empty");
        }
    }

    @Test
    void oneEmptyGivesDiceZeroAndNoDistances() {
        Grid grid = Grid.of(4, 4);
        boolean[] some = Masks.rectangle(grid, 1, 2, 1, 2);
        ClassMetrics missed = compare(new boolean[16], some, grid);
        assertEquals(ClassStatus.PREDICTION_EMPTY, missed.status());
        assertEquals(0.0, missed.dice());
        assertTrue(Double.isNaN(missed.hausdorff()) && Double.isNaN(missed.hd95Pooled())
                && Double.isNaN(missed.hd95()) && Double.isNaN(missed.assd()) && Double.isNaN(missed.assdPooled()));
        ClassMetrics invented = compare(some, new boolean[16], grid);
        assertEquals(ClassStatus.REFERENCE_EMPTY, invented.status());
        assertEquals(0.0, invented.dice());
        assertTrue(Double.isNaN(invented.hausdorff()));
    }

    @Test
    void fullMasksHaveTheArrayBorderAsSurface() {
        Grid grid = new Grid(new int[] {5, 5}, new double[] {1.0, 3.0});
        boolean[] full = Masks.not(new boolean[25]);
        ClassMetrics same = compare(full, full.clone(), grid);
        assertEquals(ClassStatus.OK, same.status());
        assertEquals(1.0, same.dice());
        assertEquals(0.0, same.hausdorff());
        assertEquals(0.0, same.assd());

        // Full prediction against all but the last column: the prediction's right border column is
        // one column step (3 mm) from the reference's right border; everything else touches.
        boolean[] reference = Masks.rectangle(grid, 0, 4, 0, 3);
        ClassMetrics m = compare(full, reference, grid);
        assertEquals(40.0 / 45.0, m.dice(), 1e-15);
        assertEquals(3.0, m.hausdorff(), MM);
        // Prediction surface: 16 border voxels, the 5 of its right column at 3 mm. Reference surface:
        // 14, of which the 3 inner voxels of its right column are 1, 2 and 1 mm (rows are 1 mm
        // apart) from the prediction's top or bottom row.
        assertEquals((5 * 3.0 / 16 + 4.0 / 14) / 2, m.assd(), MM);
        assertEquals((5 * 3.0 + 4.0) / 30, m.assdPooled(), MM);
    }

    @Test
    void singleVoxels() {
        Grid grid = new Grid(new int[] {1, 4, 7}, new double[] {5.0, 1.0, 0.25});
        boolean[] a = new boolean[28];
        boolean[] b = new boolean[28];
        a[2 * 7 + 1] = true;
        b[2 * 7 + 5] = true;
        ClassMetrics apart = compare(a, b, grid);
        assertEquals(ClassStatus.OK, apart.status());
        assertEquals(0.0, apart.dice());
        for (Metric metric : new Metric[] {Metric.HAUSDORFF, Metric.HD95_POOLED, Metric.HD95,
                Metric.ASSD, Metric.ASSD_POOLED}) {
            assertEquals(1.0, apart.get(metric), MM, metric.jsonName());
        }
        ClassMetrics same = compare(a, a.clone(), grid);
        assertEquals(1.0, same.dice());
        assertEquals(0.0, same.hausdorff());
    }

    @Test
    void labelVolumesGiveEveryClassInOrderBackgroundIncluded() {
        Grid grid = new Grid(new int[] {3, 4}, new double[] {1.0, 2.0});
        int[] reference = {0, 0, 1, 1, 0, 2, 2, 1, 0, 0, 0, 0};
        int[] prediction = {0, 1, 1, 1, 0, 2, 0, 0, 0, 0, 0, 0};
        VolumeMetrics v = SegmentationMetrics.evaluate(prediction, reference, grid, 4);
        assertEquals(4, v.classCount());
        assertEquals(Connectivity.FOUR, v.connectivity());
        assertEquals(3, v.foreground().size());
        for (int c = 0; c < 4; c++) {
            ClassMetrics expected = SegmentationMetrics.compare(c, Masks.classMask(prediction, c),
                    Masks.classMask(reference, c), grid, Connectivity.FOUR);
            assertEquals(expected, v.of(c));
        }
        assertEquals(ClassStatus.BOTH_EMPTY, v.of(3).status());
        assertEquals(2.0 * 2 / 6, v.of(1).dice(), 1e-15);
    }

    @Test
    void rejectsMismatchedInputsWithClearMessages() {
        Grid grid = Grid.of(2, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationMetrics.evaluate(new int[] {0, 1, 0, 3}, new int[4], grid, 3));
        assertTrue(e.getMessage().contains("prediction label 3 at voxel [1, 1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SegmentationMetrics.evaluate(new int[4], new int[] {0, -1, 0, 0}, grid, 3));
        e = assertThrows(IllegalArgumentException.class,
                () -> SegmentationMetrics.evaluate(new int[3], new int[4], grid, 2));
        assertTrue(e.getMessage().contains("3"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SegmentationMetrics.evaluate(new int[4], new int[4], grid, 0));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentationMetrics.evaluate(new int[4], new int[4], grid, 2, Connectivity.SIX));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentationMetrics.compare(1, new boolean[4], new boolean[5], grid, Connectivity.FOUR));
        assertThrows(IllegalArgumentException.class,
                () -> SegmentationMetrics.evaluate(null, new int[4], grid, 2));
    }
}
