package org.regionwise.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

/** The module tree: names and order, modes, gradients, state dicts and the checkpoint file. */
class ModuleTest {

    /** conv -> batch norm, the smallest module with parameters, buffers and nesting. */
    private static Sequential small(long seed) {
        Random r = new Random(seed);
        return new Sequential(new Conv2d(1, 2, 3, 1, 1, 1, true, r), new BatchNorm2d(2));
    }

    @Test
    void namesFollowPyTorchOrder() {
        Sequential m = small(1);
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(List.of("1.running_mean", "1.running_var"), List.copyOf(m.namedBuffers().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean", "1.running_var"),
                List.copyOf(m.stateDict().keySet()));
        assertEquals(18 + 2 + 2 + 2, m.parameterCount());
        assertTrue(m.parameters().stream().allMatch(Tensor::requiresGrad));
    }

    @Test
    void trainAndEvalReachTheWholeTree() {
        Sequential m = small(1);
        assertTrue(m.isTraining());
        m.eval();
        assertFalse(m.get(1).isTraining());
        m.train();
        assertTrue(m.get(0).isTraining());
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Sequential m = small(1);
        m.forward(Tensor.randn(new Random(2), 2, 1, 4, 4)).sum().backward();
        assertTrue(m.parameters().stream().anyMatch(p -> p.grad() != null && p.grad().abs().sum().item() > 0));
        m.zeroGrad();
        for (Tensor p : m.parameters()) assertEquals(0f, p.grad().abs().sum().item());
    }

    @Test
    void stateDictIsACopyAndLoadsStrictly() {
        Sequential a = small(1);
        Sequential b = small(2);
        Map<String, float[]> state = a.stateDict();
        state.get("0.weight")[0] += 1; // the copy does not alias the model
        assertNotEqualsFirst(state.get("0.weight"), a.namedParameters().get("0.weight").data());
        b.loadStateDict(a.stateDict());
        assertArrayEquals(a.namedParameters().get("0.weight").data(), b.namedParameters().get("0.weight").data());

        Map<String, float[]> missing = new HashMap<>(a.stateDict());
        missing.remove("1.running_var");
        missing.put("extra", new float[1]);
        var e = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(missing));
        assertTrue(e.getMessage().contains("1.running_var") && e.getMessage().contains("extra"), e.getMessage());
        Module.LoadResult lenient = b.loadStateDict(missing, false);
        assertEquals(List.of("1.running_var"), lenient.missing());
        assertEquals(List.of("extra"), lenient.unexpected());

        Map<String, float[]> wrongSize = a.stateDict();
        wrongSize.put("0.bias", new float[3]);
        var size = assertThrows(IllegalArgumentException.class, () -> b.loadStateDict(wrongSize, false));
        assertTrue(size.getMessage().contains("0.bias") && size.getMessage().contains("[2]"), size.getMessage());
    }

    @Test
    void namesMustBeUniqueAndUndotted() {
        class Bad extends Module {
            Bad(String a, String b) {
                registerParameter(a, Tensor.zeros(1));
                registerParameter(b, Tensor.zeros(1));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Bad("w", "w"));
        assertThrows(IllegalArgumentException.class, () -> new Bad("w", "a.b"));
    }

    private static void assertNotEqualsFirst(float[] a, float[] b) {
        assertTrue(a[0] != b[0], "the state dict must be a copy");
    }
}
