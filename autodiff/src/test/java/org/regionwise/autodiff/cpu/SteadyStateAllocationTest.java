package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * A training loop repeats the same shapes, so after the first step the kernels must allocate nothing of
 * size: scratch grows to the largest shapes seen and then stays. Measured over every thread in the JVM.
 */
class SteadyStateAllocationTest {
    /** Task lambdas, futures and the pool's counter: a few hundred bytes per parallel phase. */
    private static final long SMALL_BYTES_PER_STEP = 64 * 1024;

    @Test
    void repeatedConvolutionStepsAllocateAlmostNothing() {
        VectorKernels kernels = new VectorKernels(2);
        try {
            ConvGeometry[] layers = {
                ConvGeometry.of(2, 16, 40, 40, 32, 3, 3, 1, 1, 1),
                ConvGeometry.of(2, 32, 40, 40, 32, 3, 3, 2, 1, 1),
                ConvGeometry.of(2, 32, 20, 20, 16, 2, 2, 2, 0, 1),
            };
            Random r = new Random(3);
            float[][][] buffers = new float[layers.length][][];
            for (int i = 0; i < layers.length; i++) {
                ConvGeometry g = layers[i];
                buffers[i] = new float[][] {Agreement.uniform(r, g.inputSize()), Agreement.uniform(r, g.weightSize()),
                    new float[g.k()], new float[g.outputSize()], new float[g.inputSize()], new float[g.weightSize()],
                    new float[g.k()]};
            }
            Runnable step = () -> {
                for (int i = 0; i < layers.length; i++) {
                    ConvGeometry g = layers[i];
                    float[][] b = buffers[i];
                    kernels.conv2dForward(g, b[0], b[1], b[2], b[3]);
                    kernels.conv2dBackwardData(g, b[3], b[1], b[4]);
                    kernels.conv2dBackwardWeight(g, b[0], b[3], b[5], b[6]);
                }
            };
            var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            // Warm up until C2 has compiled the micro-kernels: until then (interpreter, C1) every vector is
            // a heap object. JDK 25 gets there later than JDK 17, so wait for it rather than count steps.
            for (int i = 0; i < 400; i++) {
                long t0 = allocated(bean);
                step.run();
                if (i >= 3 && allocated(bean) - t0 < SMALL_BYTES_PER_STEP) break;
            }
            long scratch = kernels.scratchBytes();
            long before = allocated(bean);
            int steps = 5;
            for (int i = 0; i < steps; i++) step.run();
            long perStep = (allocated(bean) - before) / steps;
            assertEquals(scratch, kernels.scratchBytes(), "scratch must not grow in steady state");
            assertTrue(perStep < SMALL_BYTES_PER_STEP, "allocated " + perStep + " bytes per step (9 conv calls)");
        } finally {
            kernels.close();
        }
    }

    private static long allocated(com.sun.management.ThreadMXBean bean) {
        long sum = 0;
        for (long b : bean.getThreadAllocatedBytes(bean.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }
}
