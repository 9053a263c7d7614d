package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated stand-in for Colin27 + AAL: deterministic, four imbalanced classes, symmetric about its midline. */
class PhantomTest {
    private static Volume phantom;

    @BeforeAll
    static void generate() {
        phantom = Phantom.generate(Phantom.DEFAULT_SEED);
    }

    @Test
    void theSameSeedGivesTheSameVolume() {
        Volume again = Phantom.generate(Phantom.DEFAULT_SEED);
        assertArrayEquals(phantom.channels()[0], again.channels()[0]);
        assertArrayEquals(phantom.labels(), again.labels());
    }

    @Test
    void anotherSeedChangesOnlyTheNoise() {
        Volume other = Phantom.generate(Phantom.DEFAULT_SEED + 1);
        assertFalse(Arrays.equals(phantom.channels()[0], other.channels()[0]));
        assertArrayEquals(phantom.labels(), other.labels());
    }

    @Test
    void fourImbalancedClassesOnTheColin27Grid() {
        assertEquals(181 * 217 * 181, phantom.voxels());
        long[] counts = new long[4];
        ClassFractions.count(phantom.labels(), counts);
        double[] f = ClassFractions.fractions(counts);
        assertTrue(f[0] > 0.75 && f[0] < 0.9, "background " + f[0]);
        assertTrue(f[1] > 0.08 && f[1] < 0.2, "cortex " + f[1]);
        assertTrue(f[2] > 0.003 && f[2] < 0.02, "deep grey " + f[2]);
        assertTrue(f[3] > 0.01 && f[3] < 0.05, "cerebellum " + f[3]);
    }

    @Test
    void labelsAreSymmetricAboutTheMidline() {
        for (int z = 0; z < Phantom.NZ; z += 7) {
            for (int y = 0; y < Phantom.NY; y += 3) {
                for (int d = 1; d <= Phantom.MIDLINE; d++) {
                    assertEquals(phantom.labels()[phantom.index(Phantom.MIDLINE - d, y, z)],
                            phantom.labels()[phantom.index(Phantom.MIDLINE + d, y, z)]);
                }
            }
        }
    }

    @Test
    void intensitiesAreNonNegativeAndTheAirIsZero() {
        float[] image = phantom.channels()[0];
        for (float v : image) assertTrue(v >= 0);
        assertEquals(0f, image[0], "a corner is air");
    }
}
