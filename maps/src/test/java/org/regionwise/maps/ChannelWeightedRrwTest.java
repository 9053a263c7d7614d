package org.regionwise.maps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The counterexample of SPEC.md section 2: writing the channel's weight instead of the voxel's class
 * weight breaks rectification with three classes, and gives a wrong class a negative gradient.
 */
class ChannelWeightedRrwTest {

    private static final int[] LABELS = {0, 1, 2};
    private static final Grid GRID = Grid.of(1, 3);
    private static final float[] WEIGHTS = {1, 1, 10};

    @Test
    void channelWeightsGiveAVoxelUnequalOtherClassComponents() {
        float[] z = ChannelWeightedRrw.compute(LABELS, GRID, 3, WEIGHTS, 1);
        // Voxel 0 (class 0, a single voxel: -1) sees w_1 = 1 in channel 1 and w_2 = 10 in channel 2.
        assertArrayEquals(new float[] {-1, 1, 10}, component(z, 0));
        assertFalse(RegionMaps.isRectified(z, LABELS, 3));
    }

    @Test
    void leaningTowardTheHeavyWrongClassMakesTwoGradientComponentsNegative() {
        float[] z = component(ChannelWeightedRrw.compute(LABELS, GRID, 3, WEIGHTS, 1), 0);
        double[] s = {0.1, 0.1, 0.8};
        double[] g = gradient(s, z);
        // sum s z = -0.1 + 0.1 + 8 = 8: class 1's value 1 lies below it, so the wrong class 1 is pushed up.
        assertEquals(2, negatives(g), java.util.Arrays.toString(g));
        assertTrue(g[0] < 0 && g[1] < 0 && g[2] > 0);
    }

    @Test
    void classWeightedMapOfTheSameImageHasExactlyOneNegativeComponent() {
        float[] map = RegionMaps.compute(MapKind.RRW_WEIGHTED, LABELS, GRID, 3,
                MapOptions.defaults().withClassWeights(WEIGHTS));
        assertTrue(RegionMaps.isRectified(map, LABELS, 3));
        float[] z = component(map, 0);
        assertArrayEquals(new float[] {-1, 1, 1}, z);
        assertEquals(1, negatives(gradient(new double[] {0.1, 0.1, 0.8}, z)));
    }

    @Test
    void twoClassesStayRectified() {
        int[] labels = {0, 1, 1};
        float[] z = ChannelWeightedRrw.compute(labels, GRID, 2, new float[] {3, 0.5f}, 1);
        assertTrue(RegionMaps.isRectified(z, labels, 2));
    }

    /** SPEC.md Eq. 2 without the 1/(CN) factor: s_j (z_j - sum_k s_k z_k). */
    static double[] gradient(double[] s, float[] z) {
        double mean = 0;
        for (int k = 0; k < s.length; k++) {
            mean += s[k] * z[k];
        }
        double[] g = new double[s.length];
        for (int j = 0; j < s.length; j++) {
            g[j] = s[j] * (z[j] - mean);
        }
        return g;
    }

    static int negatives(double[] g) {
        int count = 0;
        for (double v : g) {
            count += v < 0 ? 1 : 0;
        }
        return count;
    }

    /** The C components of one voxel of a channel-major map over three voxels. */
    private static float[] component(float[] z, int voxel) {
        return new float[] {z[voxel], z[3 + voxel], z[6 + voxel]};
    }
}
