package org.regionwise.experiments.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's FMA ceiling as the Vector API reaches it: the loop of autodiff's KernelBench
 * ({@code org.regionwise.autodiff.cpu.bench.FmaPeak}, test sources, so not reachable from here), with 16
 * independent accumulator chains per thread (more than FMA latency x pipes = 4 x 2) and no memory traffic.
 * Loaded only when the JVM has {@code jdk.incubator.vector} ({@link ConvThroughput#fmaPeak} checks first).
 */
final class FmaPeak {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private FmaPeak() {}

    /** FLOPs done by {@link #spin} per iteration: 16 vectors x lanes x 2. */
    static long flopsPerIteration() {
        return 16L * F.length() * 2;
    }

    /** The vector width in bits the loop runs at. */
    static int bits() {
        return F.vectorBitSize();
    }

    /** Returns a value depending on every chain so the JIT cannot drop the loop. */
    static float spin(long iterations, float seed) {
        FloatVector m = FloatVector.broadcast(F, 0.999999f);
        FloatVector a = FloatVector.broadcast(F, 1e-7f);
        FloatVector c0 = FloatVector.broadcast(F, seed), c1 = c0.add(1), c2 = c0.add(2), c3 = c0.add(3);
        FloatVector c4 = c0.add(4), c5 = c0.add(5), c6 = c0.add(6), c7 = c0.add(7);
        FloatVector c8 = c0.add(8), c9 = c0.add(9), c10 = c0.add(10), c11 = c0.add(11);
        FloatVector c12 = c0.add(12), c13 = c0.add(13), c14 = c0.add(14), c15 = c0.add(15);
        for (long i = 0; i < iterations; i++) {
            c0 = c0.fma(m, a); c1 = c1.fma(m, a); c2 = c2.fma(m, a); c3 = c3.fma(m, a);
            c4 = c4.fma(m, a); c5 = c5.fma(m, a); c6 = c6.fma(m, a); c7 = c7.fma(m, a);
            c8 = c8.fma(m, a); c9 = c9.fma(m, a); c10 = c10.fma(m, a); c11 = c11.fma(m, a);
            c12 = c12.fma(m, a); c13 = c13.fma(m, a); c14 = c14.fma(m, a); c15 = c15.fma(m, a);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7)
                .add(c8).add(c9).add(c10).add(c11).add(c12).add(c13).add(c14).add(c15)
                .reduceLanes(VectorOperators.ADD);
    }
}
