package org.regionwise.autodiff.cpu;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;

/**
 * The fast kernel sets under test, shared across test classes: the Vector API kernels and the scalar
 * fallback, each on 2 threads (the machine) and on 3 (an odd split of every task list).
 */
final class FastKernelSets implements ArbitrarySupplier<TiledKernels> {
    static final VectorKernels VECTOR = new VectorKernels(2);
    static final ScalarKernels SCALAR = new ScalarKernels(2);
    static final VectorKernels VECTOR_ODD = new VectorKernels(3);
    static final ScalarKernels SCALAR_ODD = new ScalarKernels(3);

    static List<TiledKernels> all() {
        return List.of(VECTOR, SCALAR, VECTOR_ODD, SCALAR_ODD);
    }

    @Override
    public Arbitrary<TiledKernels> get() {
        return Arbitraries.of(all());
    }
}
