package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The slicing axis is the one of lowest resolution (largest spacing), ties going to z. */
class SliceAxisTest {

    @Test
    void theLargestSpacingWins() {
        assertEquals(SliceAxis.Z, SliceAxis.lowestResolution(new double[] {0.7, 0.7, 5}));
        assertEquals(SliceAxis.Y, SliceAxis.lowestResolution(new double[] {1, 3, 1}));
        assertEquals(SliceAxis.X, SliceAxis.lowestResolution(new double[] {2.5, 1, 1}));
    }

    @Test
    void tiesGoToZThenY() {
        assertEquals(SliceAxis.Z, SliceAxis.lowestResolution(new double[] {1, 1, 1}));
        assertEquals(SliceAxis.Z, SliceAxis.lowestResolution(new double[] {2, 1, 2}));
        assertEquals(SliceAxis.Y, SliceAxis.lowestResolution(new double[] {2, 2, 1}));
    }

    @Test
    void aDataSetUsesTheMedianSpacing() {
        int[][] sizes = {{10, 10, 10}, {10, 10, 10}, {10, 10, 10}};
        // one odd case with thick x slices does not outvote two with thick y slices
        double[][] spacings = {{1, 4, 1}, {1, 3.5, 1}, {6, 1, 1}};
        assertEquals(SliceAxis.Y, SliceAxis.forDataset(sizes, spacings));
    }

    @Test
    void aFlatAxisIsSlicedWhateverTheSpacing() {
        int[][] sizes = {{64, 48, 1}, {60, 50, 1}};
        double[][] spacings = {{1, 5, 1}, {1, 5, 1}};
        assertEquals(SliceAxis.Z, SliceAxis.forDataset(sizes, spacings));
    }
}
