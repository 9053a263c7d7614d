package org.regionwise.experiments.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-epoch seeds: a pure function of (seed, epoch), different for every epoch and seed. */
class RunSeedsTest {

    @Test
    void epochSeedsArePureAndDistinct() {
        Set<Long> seen = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            for (int epoch = 0; epoch < 50; epoch++) {
                assertEquals(RunSeeds.epoch(seed, epoch), RunSeeds.epoch(seed, epoch));
                seen.add(RunSeeds.epoch(seed, epoch));
            }
        }
        assertEquals(20 * 50, seen.size());
    }

    @Test
    void weightInitAndEpochStreamsDiffer() {
        assertNotEquals(RunSeeds.weightInit(0).nextLong(), RunSeeds.weightInit(1).nextLong());
        assertEquals(RunSeeds.weightInit(5).nextLong(), RunSeeds.weightInit(5).nextLong());
    }
}
