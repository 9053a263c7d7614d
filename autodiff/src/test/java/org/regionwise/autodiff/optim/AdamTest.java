package org.regionwise.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

/** Adam against steps worked out by hand, and its PyTorch conventions. */
class AdamTest {

    /** Sets the gradient of {@code p} to {@code g} (as a backward pass would leave it) and steps. */
    static void stepWith(Optimizer opt, Tensor p, float... g) {
        opt.zeroGrad();
        float[] buf = p.gradBuffer();
        System.arraycopy(g, 0, buf, 0, g.length);
        opt.step();
    }

    @Test
    void twoStepsMatchHandComputation() {
        // p0 = [1, -2], lr 0.1, betas (0.9, 0.999), eps 1e-8, gradients g1 = [0.5, -1], g2 = [0.25, 1].
        //
        // Step 1 (t = 1): m = 0.1 g1 = [0.05, -0.1]; v = 0.001 g1^2 = [0.00025, 0.001].
        //   m_hat = m / (1 - 0.9) = g1; v_hat = v / (1 - 0.999) = g1^2; so the step is lr * g1 / (|g1| + eps)
        //   = 0.1 * sign(g1) (to 2e-9):                      p1 = [0.9, -1.9].
        // Step 2 (t = 2): m = 0.9 m + 0.1 g2 = [0.045 + 0.025, -0.09 + 0.1] = [0.07, 0.01];
        //   v = 0.999 v + 0.001 g2^2 = [0.00024975 + 0.0000625, 0.000999 + 0.001] = [0.00031225, 0.001999].
        //   Bias corrections 1 - 0.9^2 = 0.19 and 1 - 0.999^2 = 0.001999.
        //   element 0: m_hat = 0.07 / 0.19 = 0.368421; v_hat = 0.00031225 / 0.001999 = 0.156203,
        //              sqrt = 0.395225; step = 0.1 * 0.368421 / 0.395225 = 0.093218 -> p = 0.806782.
        //   element 1: m_hat = 0.01 / 0.19 = 0.0526316; v_hat = 0.001999 / 0.001999 = 1;
        //              step = 0.1 * 0.0526316 = 0.00526316 -> p = -1.905263.
        Tensor p = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad(true);
        Adam adam = new Adam(List.of(p), 0.1);
        stepWith(adam, p, 0.5f, -1f);
        assertArrayEquals(new float[] {0.9f, -1.9f}, p.toArray(), 1e-6f);
        stepWith(adam, p, 0.25f, 1f);
        assertArrayEquals(new float[] {0.806782f, -1.905263f}, p.toArray(), 2e-6f);
        assertArrayEquals(new float[] {0.07f, 0.01f}, adam.stateDict().buffer(Adam.EXP_AVG), 1e-7f);
        assertArrayEquals(new float[] {0.00031225f, 0.001999f}, adam.stateDict().buffer(Adam.EXP_AVG_SQ), 1e-9f);
        assertEquals(2, adam.stepCount());
    }

    @Test
    void weightDecayIsL2AddedToTheGradient() {
        // Same run with weight decay 0.1: the effective gradients are g + 0.1 p.
        // Step 1: g' = [0.5 + 0.1, -1 - 0.2] = [0.6, -1.2]; again a sign step: p1 = [0.9, -1.9].
        // Step 2: g' = [0.25 + 0.09, 1 - 0.19] = [0.34, 0.81];
        //   m = [0.9 * 0.06 + 0.034, 0.9 * -0.12 + 0.081] = [0.088, -0.027];
        //   v = [0.999 * 0.00036 + 0.001 * 0.1156, 0.999 * 0.00144 + 0.001 * 0.6561] = [0.00047524, 0.00209466];
        //   element 0: (0.088 / 0.19) / sqrt(0.00047524 / 0.001999) = 0.463158 / 0.487581 = 0.949909 -> 0.9 - 0.0949909
        //   element 1: (-0.027 / 0.19) / sqrt(0.00209466 / 0.001999) = -0.142105 / 1.023649 = -0.138822 -> -1.9 + 0.0138822
        Tensor p = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad(true);
        Adam adam = new Adam(List.of(p), 0.1, 0.9, 0.999, 1e-8, 0.1);
        stepWith(adam, p, 0.5f, -1f);
        stepWith(adam, p, 0.25f, 1f);
        assertArrayEquals(new float[] {0.805010f, -1.886118f}, p.toArray(), 2e-6f);
    }

    @Test
    void parametersWithoutGradientAreSkipped() {
        Tensor used = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        Tensor unused = Tensor.of(new float[] {5f}, 1).requiresGrad(true);
        Adam adam = new Adam(List.of(used, unused), 0.1);
        used.mul(2f).sum().backward();
        adam.step();
        assertEquals(0.9f, used.item(), 1e-6f);
        assertEquals(5f, unused.item());
    }

    @Test
    void momentsAreOneFlatBufferInParameterOrder() {
        Tensor a = Tensor.of(new float[] {1f, 1f}, 2).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {1f, 1f, 1f}, 3).requiresGrad(true);
        Adam adam = new Adam(List.of(a, b), 0.1);
        a.sum().backward();
        b.mul(2f).sum().backward();
        adam.step();
        // m = 0.1 * g: a's two elements first, then b's three.
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.2f, 0.2f, 0.2f}, adam.stateDict().buffer(Adam.EXP_AVG), 1e-7f);
        assertEquals(5, adam.layout().size());
        assertEquals(2, adam.layout().offset(1));
    }

    @Test
    void invalidHyperparametersAreRejected() {
        List<Tensor> ps = List.of(Tensor.zeros(1).requiresGrad(true));
        assertThrows(IllegalArgumentException.class, () -> new Adam(ps, -1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 1e-3, 1.0, 0.999, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(ps, 1e-3, 0.9, 0.999, 1e-8, -1));
        var e = assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(Tensor.zeros(2)), 1e-3));
        assertTrue(e.getMessage().contains("requires grad"), e.getMessage());
        assertNotNull(new Adam(ps, 0));
    }
}
