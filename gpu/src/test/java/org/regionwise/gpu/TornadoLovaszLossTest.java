package org.regionwise.gpu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.regionwise.gpu.testing.TornadoSupport;

import java.util.stream.Stream;

/**
 * {@code lovasz} on TornadoVM (skipped without it) against the CPU, with {@link LovaszLossParityTest}'s checks and
 * tolerances: value, gradient (tied errors in the host's order), residency. A few fixed draws: alone and under deep
 * supervision, a batch of 3 with classes absent, a size whose segments pad from 130 to 256 pixels.
 */
class TornadoLovaszLossTest {

    static Stream<LovaszLossParityTest.Case> cases() {
        return Stream.of(
                new LovaszLossParityTest.Case(2, 3, 9, 11, true, false, 1),
                new LovaszLossParityTest.Case(3, 4, 10, 13, true, true, 2),
                new LovaszLossParityTest.Case(1, 2, 7, 5, false, false, 3),
                new LovaszLossParityTest.Case(2, 3, 13, 10, false, true, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lovaszMatchesTheCpuAndStaysOnTheDevice(LovaszLossParityTest.Case c) {
        LovaszLossParityTest.assertLossParity(TornadoSupport.backend(), c);
    }
}
