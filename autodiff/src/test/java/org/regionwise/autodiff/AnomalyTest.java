package org.regionwise.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Anomaly mode names the first op whose backward produced a non-finite gradient. */
class AnomalyTest {

    @Test
    void findsTheSqrtAtZero() {
        Tensor x = Tensor.of(new float[] {0f, 4f}, 2).requiresGrad(true);
        try (var scope = Anomaly.detect()) {
            // sqrt(0) has an infinite derivative; exp and mul downstream are innocent.
            Tensor loss = x.sqrt().mul(2f).exp().sum();
            AnomalyException e = assertThrows(AnomalyException.class, loss::backward);
            assertEquals("UnaryOp.sqrt", e.opName());
            assertTrue(e.getMessage().contains("flat index 0"), e.getMessage());
            assertTrue(e.getCause() != null && e.getCause().getMessage().contains("created here"));
        }
    }

    @Test
    void withoutAnomalyModeTheNaNFlowsSilently() {
        Tensor x = Tensor.of(new float[] {0f}, 1).requiresGrad(true);
        x.sqrt().sum().backward();
        assertTrue(Float.isInfinite(x.grad().item()));
    }
}
