package org.regionwise.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

/** Checkpoint and resume: a restored optimiser continues bit for bit like the one that never stopped. */
class OptimizerStateTest {

    private static Tensor[] params(long seed) {
        Random r = new Random(seed);
        return new Tensor[] {Tensor.randn(r, 3, 2).requiresGrad(true), Tensor.randn(r, 4).requiresGrad(true)};
    }

    /** A deterministic loss: sum of p^2 * c over both tensors, with different c per tensor. */
    private static void lossStep(Optimizer opt, Tensor[] ps) {
        opt.zeroGrad();
        ps[0].mul(ps[0]).sum().add(ps[1].mul(ps[1]).mul(3f).sum()).backward();
        opt.step();
    }

    private void assertResumesExactly(Function<List<Tensor>, Optimizer> make) {
        Tensor[] a = params(1);
        Optimizer reference = make.apply(List.of(a));
        for (int i = 0; i < 3; i++) lossStep(reference, a);

        Tensor[] b = params(1);
        Optimizer first = make.apply(List.of(b));
        for (int i = 0; i < 3; i++) lossStep(first, b);
        OptimizerState saved = first.stateDict();

        // A fresh optimiser over copies of the parameters, as a trainer would build after a restart.
        Tensor[] c = {Tensor.of(b[0].toArray(), 3, 2).requiresGrad(true), Tensor.of(b[1].toArray(), 4).requiresGrad(true)};
        Optimizer resumed = make.apply(List.of(c));
        resumed.loadStateDict(saved);
        assertEquals(3, resumed.stepCount());
        for (int i = 0; i < 4; i++) {
            lossStep(reference, a);
            lossStep(resumed, c);
        }
        assertArrayEquals(a[0].toArray(), c[0].toArray());
        assertArrayEquals(a[1].toArray(), c[1].toArray());
    }

    @Test
    void adamRoundTrip() {
        assertResumesExactly(ps -> new Adam(ps, 0.05, 0.9, 0.999, 1e-8, 3e-5));
    }

    @Test
    void sgdRoundTrip() {
        assertResumesExactly(ps -> SGD.nnUNet(ps, 0.01));
    }

    @Test
    void stateIsACopyAndKeepsTheLearningRate() {
        Tensor p = Tensor.of(new float[] {1f}, 1).requiresGrad(true);
        Adam adam = new Adam(List.of(p), 0.1);
        p.sum().backward();
        adam.step();
        adam.setLearningRate(0.02);
        OptimizerState s = adam.stateDict();
        s.buffers().get(Adam.EXP_AVG)[0] = 99f;
        assertEquals(0.1f, s.buffer(Adam.EXP_AVG)[0], 1e-7f);
        assertEquals(0.02, s.learningRate());
        assertEquals("Adam", s.algorithm());
    }

    @Test
    void mismatchedStatesAreRejectedWithReasons() {
        Tensor p = Tensor.zeros(2).requiresGrad(true);
        Adam adam = new Adam(List.of(p), 0.1);
        SGD sgd = SGD.nnUNet(List.of(p), 0.1);
        var wrongKind = assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(sgd.stateDict()));
        assertTrue(wrongKind.getMessage().contains("SGD"), wrongKind.getMessage());
        Adam bigger = new Adam(List.of(Tensor.zeros(3).requiresGrad(true)), 0.1);
        var wrongSize = assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(bigger.stateDict()));
        assertTrue(wrongSize.getMessage().contains("3") && wrongSize.getMessage().contains("2"), wrongSize.getMessage());
    }
}
