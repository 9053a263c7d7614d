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
 *
 * <p>Run on the scalar kernel set, which shares the tiling, scratch and threading of {@link TiledKernels} with
 * the Vector API set but holds no vectors: its allocation does not depend on when the JIT compiler gets to the
 * micro-kernels. The Vector API set allocates nothing only once C2 has compiled them (until then every vector
 * is a heap object), which can take minutes on a loaded machine, so its steady-state allocation is measured
 * by {@code regionwise bench} ("MB allocated per step"), not asserted here.
 */
class SteadyStateAllocationTest {
    /** Task lambdas, futures and the pool's counter: a few hundred bytes per parallel phase. */
    private static final long SMALL_BYTES_PER_STEP = 64 * 1024;

    @Test
    void repeatedConvolutionStepsAllocateAlmostNothing() {
        ScalarKernels kernels = new ScalarKernels(2);
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
            // The first steps size the scratch to the largest shapes; afterwards nothing of size is allocated.
            for (int i = 0; i < 3; i++) step.run();
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
