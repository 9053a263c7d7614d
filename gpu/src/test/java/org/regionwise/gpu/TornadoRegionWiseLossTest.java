package org.regionwise.gpu;

import org.junit.jupiter.api.Test;
import org.regionwise.gpu.testing.TornadoSupport;

/**
 * The Region-wise losses on TornadoVM (skipped without it): LossRegistry's rrw and rw-hd against the CPU, and a
 * steady-state UNet2d step with rrw resident on the device. Tolerances are those of the plain-Java versions
 * (RegionWiseLossParityTest, AutodiffResidencyTest).
 */
class TornadoRegionWiseLossTest {

    @Test
    void rrwMatchesTheCpuAndStaysOnTheDevice() {
        RegionWiseLossParityTest.assertLossParity(TornadoSupport.backend(), "rrw");
    }

    @Test
    void rwHdMatchesTheCpuAndStaysOnTheDevice() {
        RegionWiseLossParityTest.assertLossParity(TornadoSupport.backend(), "rw-hd");
    }

    @Test
    void unet2dSteadyStateRrwStepMovesOnlyTheImageTheMapAndAFewScalars() {
        AutodiffResidencyTest.assertResidentStep(TornadoSupport.backend(), "rrw");
    }
}
