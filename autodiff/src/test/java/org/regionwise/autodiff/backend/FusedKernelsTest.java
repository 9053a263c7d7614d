package org.regionwise.autodiff.backend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fused-kernel lookup: a registered implementation wins, anything else falls back to the host body. */
class FusedKernelsTest {
    /** A fused op's kernel interface, as an op module would declare it. */
    interface DoubleKernel {
        float apply(float x);
    }

    private static final DoubleKernel HOST = x -> 2 * x;

    @Test
    void registeredImplementationIsFoundOtherwiseTheHostBody() {
        DoubleKernel fast = x -> x + x;
        FusedKernels registry = new FusedKernels();
        assertFalse(registry.has(DoubleKernel.class));
        assertSame(HOST, registry.getOrDefault(DoubleKernel.class, HOST));
        registry.register(DoubleKernel.class, fast);
        assertTrue(registry.has(DoubleKernel.class));
        assertSame(fast, registry.getOrDefault(DoubleKernel.class, HOST));
    }

    @Test
    void aKernelSetWithoutFusedKernelsGivesTheHostBody() {
        assertSame(HOST, new ReferenceKernels().fused(DoubleKernel.class, HOST));
    }

    @Test
    void onlyInterfacesAreKernelKeys() {
        assertThrows(IllegalArgumentException.class, () -> new FusedKernels().register(Object.class, new Object()));
    }
}
