package org.regionwise.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.regionwise.autodiff.optim.AdamTest.stepWith;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

/** SGD (plain, momentum, Nesterov as nnU-Net) against steps worked out by hand. */
class SGDTest {

    @Test
    void nnUNetNesterovMatchesHandComputation() {
        // p0 = [1, -2]; lr 0.01, momentum 0.99, Nesterov, weight decay 3e-5; g1 = [0.5, -1], g2 = [0.25, 1].
        // Step 1: d = g1 + 3e-5 p0 = [0.50003, -1.00006]; the buffer starts as d itself: b = [0.50003, -1.00006];
        //   Nesterov: d + 0.99 b = 1.99 d = [0.9950597, -1.9901194]; p1 = p0 - 0.01 * that
        //   = [0.990049403, -1.980098806].
        // Step 2: d = g2 + 3e-5 p1 = [0.25002970, 0.99994060];
        //   b = 0.99 b + d = [0.4950297 + 0.2500297, -0.9900594 + 0.9999406] = [0.7450594, 0.0098812];
        //   Nesterov: d + 0.99 b = [0.2500297 + 0.7376088, 0.9999406 + 0.0097824] = [0.9876385, 1.0097230];
        //   p2 = p1 - 0.01 * that = [0.9801730, -1.9901960].
        Tensor p = Tensor.of(new float[] {1f, -2f}, 2).requiresGrad(true);
        SGD sgd = SGD.nnUNet(List.of(p), 0.01);
        stepWith(sgd, p, 0.5f, -1f);
        assertArrayEquals(new float[] {0.990049403f, -1.980098806f}, p.toArray(), 1e-6f);
        stepWith(sgd, p, 0.25f, 1f);
        assertArrayEquals(new float[] {0.9801730f, -1.9901960f}, p.toArray(), 1e-6f);
        assertArrayEquals(new float[] {0.7450594f, 0.0098812f}, sgd.stateDict().buffer(SGD.MOMENTUM_BUFFER), 1e-6f);
    }

    @Test
    void heavyBallMomentumWithDampening() {
        // lr 0.1, momentum 0.5, dampening 0.5, g = 1 twice.
        // Step 1: b = g = 1 (dampening is not applied to the first step, as torch); p = 0 - 0.1 = -0.1.
        // Step 2: b = 0.5 * 1 + 0.5 * 1 = 1; p = -0.1 - 0.1 = -0.2.
        Tensor p = Tensor.of(new float[] {0f}, 1).requiresGrad(true);
        SGD sgd = new SGD(List.of(p), 0.1, 0.5, 0.5, 0, false);
        stepWith(sgd, p, 1f);
        stepWith(sgd, p, 1f);
        assertArrayEquals(new float[] {-0.2f}, p.toArray(), 1e-7f);
    }

    @Test
    void plainSgdIsGradientDescent() {
        Tensor p = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad(true);
        SGD sgd = new SGD(List.of(p), 0.5);
        stepWith(sgd, p, 2f, -2f);
        assertArrayEquals(new float[] {0f, 3f}, p.toArray());
    }

    @Test
    void nesterovNeedsMomentumAndNoDampening() {
        List<Tensor> ps = List.of(Tensor.zeros(1).requiresGrad(true));
        assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, 0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new SGD(ps, 0.1, 0.9, 0.1, 0, true));
    }
}
