package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.optim.Adam;

/**
 * Training with Winograd follows the same loss curve as with the direct kernels: a small conv net (two 3x3
 * stride-1 convolutions, where Winograd applies, then a 1x1 head), {@value #STEPS} Adam steps from the same
 * start, on the double-precision reference kernels, the direct fast kernels and the Winograd ones. Both fast
 * runs must stay within the same bound of the reference curve at every step.
 */
class WinogradTrainingCurveTest {
    private static final int STEPS = 20;
    /** Relative distance from the reference curve allowed at every step, the same for direct and Winograd. */
    private static final double TOLERANCE = 1e-4;

    @Test
    void winogradFollowsTheDirectKernelsLossCurve() {
        List<Float> reference = curve(new ReferenceKernels());
        TiledKernels direct = new VectorKernels(2);
        direct.convMode(ConvChoice.Mode.OFF);
        TiledKernels winograd = new VectorKernels(2);
        winograd.convMode(ConvChoice.Mode.ON);
        List<Float> directCurve = curve(direct);
        List<Float> winogradCurve = curve(winograd);
        assertTrue(reference.get(STEPS - 1) < 0.9 * reference.get(0), "the net must actually train: " + reference);
        for (int i = 0; i < STEPS; i++) {
            double ref = reference.get(i);
            double bound = TOLERANCE * Math.abs(ref) + 1e-7;
            assertTrue(Math.abs(directCurve.get(i) - ref) <= bound, "direct step " + i + ": " + directCurve + " vs " + reference);
            assertTrue(Math.abs(winogradCurve.get(i) - ref) <= bound,
                    "Winograd step " + i + ": " + winogradCurve + " vs " + reference);
        }
    }

    private static List<Float> curve(Kernels kernels) {
        Backend previous = Backends.getDefault();
        Backends.setDefault(new CpuBackend(kernels));
        try {
            Random random = new Random(7);
            Tensor x = Tensor.of(uniform(random, 2 * 3 * 16 * 16, 1f), 2, 3, 16, 16);
            Tensor target = Tensor.of(uniform(random, 2 * 4 * 16 * 16, 1f), 2, 4, 16, 16);
            Tensor w1 = parameter(random, 0.3f, 8, 3, 3, 3);
            Tensor b1 = parameter(random, 0.1f, 8);
            Tensor w2 = parameter(random, 0.2f, 8, 8, 3, 3);
            Tensor b2 = parameter(random, 0.1f, 8);
            Tensor w3 = parameter(random, 0.3f, 4, 8, 1, 1);
            Adam adam = new Adam(List.of(w1, b1, w2, b2, w3), 1e-2);
            List<Float> losses = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                adam.zeroGrad();
                Tensor h = Functional.conv2d(x, w1, b1, 1, 1, 1).leakyRelu(0.01f);
                h = Functional.conv2d(h, w2, b2, 1, 1, 1).leakyRelu(0.01f);
                Tensor y = Functional.conv2d(h, w3, null, 1, 0, 1);
                Tensor diff = y.sub(target);
                Tensor loss = diff.mul(diff).mean();
                losses.add(loss.item());
                loss.backward();
                adam.step();
            }
            return losses;
        } finally {
            Backends.setDefault(previous);
        }
    }

    private static Tensor parameter(Random random, float scale, int... shape) {
        int size = 1;
        for (int d : shape) size *= d;
        return Tensor.of(uniform(random, size, scale), shape).requiresGrad(true);
    }

    private static float[] uniform(Random random, int size, float scale) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = (random.nextFloat() * 2f - 1f) * scale;
        return a;
    }
}
