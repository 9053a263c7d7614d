package org.regionwise.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

/** nnU-Net's poly schedule: lr_e = lr_0 (1 - e/E)^0.9. */
class PolyLRTest {

    @Test
    void valuesAlongTheSchedule() {
        // 0.5^0.9 = exp(0.9 ln 0.5) = exp(-0.623832) = 0.535887; 0.75^0.9 = exp(0.9 * -0.287682) = 0.771890;
        // 0.001^0.9 = 10^-2.7 = 0.00199526.
        assertEquals(0.01, PolyLR.learningRate(0.01, 0, 1000, 0.9), 1e-15);
        assertEquals(0.00771890, PolyLR.learningRate(0.01, 250, 1000, 0.9), 1e-8);
        assertEquals(0.00535887, PolyLR.learningRate(0.01, 500, 1000, 0.9), 1e-8);
        assertEquals(1.99526e-5, PolyLR.learningRate(0.01, 999, 1000, 0.9), 1e-10);
        assertEquals(0.0, PolyLR.learningRate(0.01, 1000, 1000, 0.9));
        assertEquals(0.0, PolyLR.learningRate(0.01, 1200, 1000, 0.9));
    }

    @Test
    void appliesTheRateToTheOptimiser() {
        Adam adam = new Adam(List.of(Tensor.zeros(1).requiresGrad(true)), 1e-4);
        PolyLR schedule = new PolyLR(adam, 100);
        assertEquals(1e-4, schedule.apply(0), 1e-18);
        schedule.apply(50);
        assertEquals(1e-4 * Math.pow(0.5, 0.9), adam.learningRate(), 1e-15);
        // The initial rate is fixed at construction, so the schedule does not compound.
        schedule.apply(50);
        assertEquals(1e-4 * Math.pow(0.5, 0.9), adam.learningRate(), 1e-15);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> PolyLR.learningRate(0.01, -1, 10, 0.9));
        Adam adam = new Adam(List.of(Tensor.zeros(1).requiresGrad(true)), 1e-4);
        assertThrows(IllegalArgumentException.class, () -> new PolyLR(adam, 0));
    }
}
