package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** In-plane reduction: images average each block, labels take its majority (ties: first in raster order). */
class DownsamplingTest {

    @Test
    void averagesImagesAndVotesLabelsPerBlockLeavingZAlone() {
        // 4 x 2 x 2: blocks of 2 x 2 in (x, y), two z slices
        float[] image = {1, 2, 3, 4,
                         5, 6, 7, 8,
                         0, 0, 4, 4,
                         0, 0, 4, 4};
        int[] labels = {1, 1, 2, 3,
                        1, 0, 3, 2,   // block 2: tie 2-2 between labels 2 and 3: 2 comes first
                        0, 0, 5, 5,
                        0, 7, 5, 1};
        Volume v = new Volume("v", 4, 2, 2, new double[] {0.5, 0.75, 2}, new float[][] {image}, labels);

        Volume d = Downsampling.inPlane(v, 2);

        assertEquals(2, d.nx());
        assertEquals(1, d.ny());
        assertEquals(2, d.nz());
        assertArrayEquals(new double[] {1, 1.5, 2}, d.spacing());
        assertArrayEquals(new float[] {3.5f, 5.5f, 0, 4}, d.channels()[0]);
        assertArrayEquals(new int[] {1, 2, 0, 5}, d.labels());
    }

    @Test
    void factorOneIsTheVolumeItself() {
        Volume v = new Volume("v", 3, 3, 1, new double[] {1, 1, 1}, new float[][] {new float[9]}, new int[9]);
        assertSame(v, Downsampling.inPlane(v, 1));
    }

    @Test
    void aFactorThatDoesNotDivideIsAnError() {
        Volume v = new Volume("v", 3, 4, 1, new double[] {1, 1, 1}, new float[][] {new float[12]}, new int[12]);
        assertThrows(IllegalArgumentException.class, () -> Downsampling.inPlane(v, 2));
        assertThrows(IllegalArgumentException.class, () -> Downsampling.inPlane(v, 0));
    }

    @Test
    void mostFrequentPrefersTheFirstOnTies() {
        assertEquals(4, Downsampling.mostFrequent(new int[] {4, 1, 1, 4}));
        assertEquals(1, Downsampling.mostFrequent(new int[] {4, 1, 1, 0}));
    }
}
