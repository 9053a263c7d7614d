package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.Kernels;

/** Kernel selection, thread configuration and the worker pool's contract. */
class FastKernelsTest {

    @Test
    void testsRunWithTheVectorApiSoBestIsTheVectorKernels() {
        // The surefire configuration adds the incubator module; without it best() falls back to scalar.
        assertTrue(FastKernels.vectorApiPresent(), "tests must run with --add-modules jdk.incubator.vector");
        Kernels best = FastKernels.best(2);
        assertInstanceOf(VectorKernels.class, best);
        // "vectorx2" with AVX-512, "vector-256x2" with AVX2 (NarrowVectorMicroKernel), and so on.
        assertTrue(best.name().equals("vectorx2") || best.name().matches("vector-\\d+x2"), best.name());
        assertEquals("scalarx3", new ScalarKernels(3).name());
        ((TiledKernels) best).close();
    }

    @Test
    void threadCountComesFromTheSystemProperty() {
        String old = System.getProperty(FastKernels.THREADS_PROPERTY);
        try {
            System.setProperty(FastKernels.THREADS_PROPERTY, "3");
            assertEquals(3, FastKernels.threads());
            System.setProperty(FastKernels.THREADS_PROPERTY, "0");
            var e = assertThrows(IllegalArgumentException.class, FastKernels::threads);
            assertTrue(e.getMessage().contains(FastKernels.THREADS_PROPERTY), e.getMessage());
            System.clearProperty(FastKernels.THREADS_PROPERTY);
            assertEquals(Runtime.getRuntime().availableProcessors(), FastKernels.threads());
        } finally {
            if (old == null) System.clearProperty(FastKernels.THREADS_PROPERTY);
            else System.setProperty(FastKernels.THREADS_PROPERTY, old);
        }
    }

    @Test
    void poolRunsEveryTaskExactlyOnce() {
        try (WorkerPool pool = new WorkerPool(3)) {
            AtomicIntegerArray runs = new AtomicIntegerArray(1000);
            pool.run(1000, (task, worker) -> {
                assertTrue(worker >= 0 && worker < 3);
                runs.incrementAndGet(task);
            });
            for (int i = 0; i < runs.length(); i++) assertEquals(1, runs.get(i), "task " + i);
        }
    }

    @Test
    void poolRethrowsTheFirstFailureAfterAllTasksStop() {
        try (WorkerPool pool = new WorkerPool(2)) {
            var e = assertThrows(IllegalStateException.class, () -> pool.run(50, (task, worker) -> {
                if (task == 17) throw new IllegalStateException("task 17 failed");
            }));
            assertEquals("task 17 failed", e.getMessage());
            // The pool still works afterwards.
            AtomicIntegerArray runs = new AtomicIntegerArray(10);
            pool.run(10, (task, worker) -> runs.incrementAndGet(task));
            for (int i = 0; i < 10; i++) assertEquals(1, runs.get(i));
        }
    }
}
