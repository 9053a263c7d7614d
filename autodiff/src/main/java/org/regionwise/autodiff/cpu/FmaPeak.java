package org.regionwise.autodiff.cpu;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The machine's FMA ceiling as the Vector API reaches it: 16 independent accumulator chains per thread
 * (more than FMA latency x pipes = 4 x 2) and no memory traffic. Kernel efficiency figures divide by this.
 * Uses {@code jdk.incubator.vector}: callers check {@link FastKernels#vectorApiPresent()} before touching
 * this class, as they do for {@link VectorKernels}.
 */
public final class FmaPeak {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    private FmaPeak() {}

    /** FLOPs done by {@link #spin} per iteration: 16 vectors x lanes x 2. */
    public static long flopsPerIteration() {
        return 16L * F.length() * 2;
    }

    /** The vector width in bits the loop runs at. */
    public static int bits() {
        return F.vectorBitSize();
    }

    /** GFLOP/s of {@code threads} threads running {@link #spin} at once, wall clock, best of 5. */
    public static double measure(int threads, long iterations) throws InterruptedException {
        spin(Math.max(1, iterations / 10), 1f); // compile
        double best = 0;
        for (int rep = 0; rep < 5; rep++) {
            CountDownLatch start = new CountDownLatch(1);
            Thread[] ts = new Thread[threads];
            float[] sink = new float[threads];
            for (int t = 0; t < threads; t++) {
                int id = t;
                ts[t] = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    sink[id] = spin(iterations, id);
                }, "regionwise-fma-peak");
                ts[t].start();
            }
            long t0 = System.nanoTime();
            start.countDown();
            for (Thread t : ts) t.join();
            double s = (System.nanoTime() - t0) * 1e-9;
            best = Math.max(best, threads * iterations * flopsPerIteration() / s * 1e-9);
            if (Float.isNaN(sink[0])) System.out.print("");
        }
        return best;
    }

    /**
     * GFLOP/s of one thread per second of its own CPU time, best of 5: the thread's CPU clock stops while
     * another job holds the core, so this is what one core gives when it is ours, whatever the load.
     * NaN when the JVM has no per-thread CPU clock.
     */
    public static double measurePerCpuSecond(long iterations) {
        var bean = ManagementFactory.getThreadMXBean();
        if (!bean.isCurrentThreadCpuTimeSupported()) return Double.NaN;
        double best = 0;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = bean.getCurrentThreadCpuTime();
            float r = spin(iterations, rep);
            double s = (bean.getCurrentThreadCpuTime() - t0) * 1e-9;
            if (Float.isNaN(r)) System.out.print("");
            if (s > 0) best = Math.max(best, iterations * flopsPerIteration() / s * 1e-9);
        }
        return best;
    }

    /** Returns a value depending on every chain so the JIT cannot drop the loop. */
    public static float spin(long iterations, float seed) {
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
