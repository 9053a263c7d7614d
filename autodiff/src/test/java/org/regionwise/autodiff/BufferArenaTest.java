package org.regionwise.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Steps inside an arena reuse last step's buffers and compute exactly what fresh allocation computes. */
class BufferArenaTest {

    private static float step(Tensor w, Tensor x) {
        Tensor y = Functional.conv2d(x, w, null, 1, 1, 1).leakyRelu(0.01f);
        Tensor loss = y.mul(y).softmax(1).log().neg().mean();
        float value = loss.item();
        loss.backward();
        return value;
    }

    @Test
    void secondStepIsServedFromTheFreeListsWithIdenticalResults() {
        Random r = new Random(1);
        Tensor x = Tensor.randn(r, 2, 3, 8, 8);
        Tensor w = Tensor.randn(r, 4, 3, 3, 3).requiresGrad(true);
        float expected = step(w, x);
        float[] expectedGrad = w.grad().toArray();

        BufferArena arena = new BufferArena();
        for (int i = 0; i < 3; i++) {
            w.zeroGrad();
            try (var scope = arena.open()) {
                assertEquals(expected, step(w, x));
            }
            assertArrayEquals(expectedGrad, w.grad().toArray(), "leaf gradients survive the scope");
        }
        long firstStep = arena.allocatedCount();
        assertTrue(firstStep > 0);
        assertEquals(2 * firstStep, arena.reusedCount(), "steps 2 and 3 allocate nothing new");
    }

    @Test
    void scopesDoNotNestOnOneArena() {
        BufferArena arena = new BufferArena();
        try (var scope = arena.open()) {
            assertThrows(IllegalStateException.class, arena::open);
        }
    }
}
