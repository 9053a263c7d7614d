package org.regionwise.autodiff.backend;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Tensor;

class BackendsThreadTest {
    @Test
    void aThreadsOwnBackendAppliesToThatThreadOnlyAndNests() throws Exception {
        Backend global = Backends.getDefault();
        Backend outer = new CpuBackend(new ReferenceKernels());
        Backend inner = new CpuBackend(new ReferenceKernels());
        AtomicReference<Backend> seenElsewhere = new AtomicReference<>();
        try (var a = Backends.onThisThread(outer)) {
            assertSame(outer, Backends.getDefault());
            assertSame(outer, Tensor.zeros(2).backend());
            Thread other = new Thread(() -> seenElsewhere.set(Backends.getDefault()));
            other.start();
            other.join();
            assertSame(global, seenElsewhere.get());
            try (var b = Backends.onThisThread(inner)) {
                assertSame(inner, Backends.getDefault());
            }
            assertSame(outer, Backends.getDefault());
        }
        assertSame(global, Backends.getDefault());
    }
}
