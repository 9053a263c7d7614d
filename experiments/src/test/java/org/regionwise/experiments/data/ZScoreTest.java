package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Per-image z-score: mean 0, population standard deviation 1; constant images only centred. */
class ZScoreTest {

    @Test
    void centresAndScales() {
        float[] v = {1, 2, 3, 4};
        double[] stats = ZScore.normalize(v);
        assertEquals(2.5, stats[0], 1e-12);
        assertEquals(Math.sqrt(1.25), stats[1], 1e-12); // population std, as numpy
        double mean = 0, sq = 0;
        for (float x : v) mean += x / 4.0;
        for (float x : v) sq += x * x / 4.0;
        assertEquals(0, mean, 1e-6);
        assertEquals(1, sq, 1e-6);
    }

    @Test
    void aConstantImageIsOnlyCentred() {
        float[] v = {7, 7, 7};
        ZScore.normalize(v);
        assertArrayEquals(new float[] {0, 0, 0}, v);
    }

    @Test
    void channelsAreNormalisedSeparately() {
        Volume vol = new Volume("v", 2, 1, 1, new double[] {1, 1, 1}, new float[][] {{0, 2}, {100, 300}}, new int[2]);
        ZScore.normalizeChannels(vol);
        assertArrayEquals(new float[] {-1, 1}, vol.channels()[0]);
        assertArrayEquals(new float[] {-1, 1}, vol.channels()[1]);
    }
}
