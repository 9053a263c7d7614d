package org.regionwise.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UNetStepSpecTest {
    @Test
    void standardConfigFiltersAndFlopsByHand() {
        UNetStepSpec s = UNetStepSpec.standard(2);
        assertEquals(512, s.filters(4));
        assertEquals(32, s.filters(0));
        // Level 0 alone: conv 1->32 and 32->32 at 128x128, batch 8; the head 32->4.
        UNetStepSpec tiny = new UNetStepSpec(2, 4, 4, 1, 1, 2, 2, 1, 1e-3, 0);
        // enc0: 2*4px*(4*1*9 + 4*4*9) = 1440; enc1 (1px): 2*(4*4*9 + 4*4*9) = 576;
        // dec: up 2*4px*4*4 = 128, convs 2*4px*(4*8*9 + 4*4*9) = 3456; head 2*4px*4*2 = 64
        assertEquals(1440 + 576 + 128 + 3456 + 64, tiny.forwardConvFlops(), 1e-9);
        assertEquals(3 * s.forwardConvFlops(), s.stepFlops(), 1e-3);
    }

    @Test
    void sizeMustBeDivisible() {
        assertThrows(IllegalArgumentException.class, () -> new UNetStepSpec(5, 32, 512, 8, 1, 100, 4, 2, 1e-3, 0));
    }
}
