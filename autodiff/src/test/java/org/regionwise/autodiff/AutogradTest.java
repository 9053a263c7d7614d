package org.regionwise.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tape: when it records, how backward walks it, how gradients accumulate. */
class AutogradTest {

    @Test
    void recordsOnlyWhenAnInputRequiresGrad() {
        Tensor a = Tensor.ones(2);
        Tensor b = Tensor.ones(2).requiresGrad(true);
        assertNull(a.add(a).gradFn());
        assertNotNull(a.add(b).gradFn());
        try (var scope = GradMode.noGrad()) {
            assertNull(a.add(b).gradFn());
            assertFalse(a.add(b).requiresGrad());
            try (var inner = GradMode.enableGrad()) {
                assertNotNull(a.add(b).gradFn());
            }
            assertFalse(GradMode.isEnabled());
        }
        assertTrue(GradMode.isEnabled());
    }

    @Test
    void diamondGraphAccumulatesBothPaths() {
        // y = x*x + x*x  =>  dy/dx = 4x; x is used by four edges.
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 3).requiresGrad(true);
        Tensor sq = x.mul(x);
        sq.add(sq).sum().backward();
        assertArrayEquals(new float[] {4, 8, 12}, x.grad().toArray());
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        x.mul(3f).sum().backward();
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[] {6, 6}, x.grad().toArray());
        x.zeroGrad();
        assertArrayEquals(new float[] {0, 0}, x.grad().toArray());
    }

    @Test
    void intermediateGradientsAreFreedUnlessRetained() {
        Tensor x = Tensor.of(new float[] {1, 2}, 2).requiresGrad(true);
        Tensor h = x.mul(2f);
        Tensor kept = x.mul(3f).retainGrad();
        h.add(kept).sum().backward();
        assertNull(h.grad());
        assertArrayEquals(new float[] {1, 1}, kept.grad().toArray());
        assertArrayEquals(new float[] {5, 5}, x.grad().toArray());
    }

    @Test
    void detachStopsGradient() {
        Tensor x = Tensor.of(new float[] {2}, 1).requiresGrad(true);
        x.mul(x.detach()).sum().backward();
        assertEquals(2f, x.grad().item());
    }

    @Test
    void deepChainDoesNotOverflowTheStack() {
        Tensor x = Tensor.of(new float[] {1}, 1).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) y = y.add(0f);
        y.sum().backward();
        assertEquals(1f, x.grad().item());
    }

    @Test
    void backwardNeedsAScalarOrASeed() {
        Tensor x = Tensor.ones(3).requiresGrad(true);
        Tensor y = x.mul(2f);
        assertThrows(IllegalStateException.class, y::backward);
        y.backward(new float[] {1, 0, 2});
        assertArrayEquals(new float[] {2, 0, 4}, x.grad().toArray());
        assertThrows(IllegalStateException.class, () -> Tensor.ones(1).backward());
    }

    @Test
    void shapeMismatchNamesOpAndBothShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4)));
        assertEquals("add: shapes [2, 3] and [4] cannot be broadcast", e.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).matmul(Tensor.zeros(2, 3)));
        assertTrue(m.getMessage().contains("matmul") && m.getMessage().contains("[2, 3]"), m.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).reshape(4, 2));
    }

    @Test
    void printsShapeAndValues() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        String s = x.mul(x).toString();
        assertTrue(s.startsWith("Tensor(shape=[2, 2], requiresGrad=true, gradFn=BinaryOp.MUL)"), s);
        assertTrue(s.contains("[[1.000, 4.000],"), s);
        assertTrue(Tensor.zeros(100).toString().contains("..."));
    }
}
