package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.optim.Adam;
import org.regionwise.autodiff.optim.AdamKernel;
import org.regionwise.gpu.device.TransferStats;

/**
 * optim.Adam on the device, plain Java: a step is ONE launch over all resident parameters (a segment table), moves
 * nothing, and gives the same bits as the per-tensor steps it replaced (the host body, one device launch per
 * parameter): the float operations per element are the same, in the same order. Parameters without a gradient are
 * skipped, the learning rate changes between steps (a schedule), and a CPU tensor mixed in falls back to the host
 * body with the same numbers.
 */
class AdamOneLaunchProperties {
    private static final double BETA1 = 0.9, BETA2 = 0.999, EPS = 1e-8;

    @Property(tries = 25)
    void oneLaunchPerStepWithThePerTensorStepsBits(@ForAll @IntRange(min = 1, max = 12) int tensors,
                                                   @ForAll @IntRange(min = 1, max = 4) int steps, @ForAll boolean weightDecay,
                                                   @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        GpuBackend gpu = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 16);
        Fixture f = new Fixture(gpu, gpu, tensors, seed, false);
        double wd = weightDecay ? 1e-2 : 0;
        Adam adam = new Adam(f.params, 1e-2, BETA1, BETA2, EPS, wd);
        TransferStats stats = gpu.stats();
        for (int t = 1; t <= steps; t++) {
            double lr = 1e-2 * Math.pow(1 - (t - 1) / 5.0, 0.9);
            adam.setLearningRate(lr);
            f.newGradients(t);
            long launches = stats.launches();
            long moves = stats.uploads() + stats.downloads();
            adam.step();
            assertEquals(f.withGradient() > 0 ? 1 : 0, stats.launches() - launches, "Adam launches in step " + t);
            assertEquals(moves, stats.uploads() + stats.downloads(), "transfers in step " + t);

            launches = stats.launches();
            f.perTensorStep(t, lr, wd);
            assertEquals(f.withGradient(), stats.launches() - launches, "the per-tensor steps: one launch per parameter with a gradient");
        }
        f.assertSameBits(adam);
    }

    /** More tensors than one launch's segment table holds: a second launch, the same bits. */
    @Test
    void moreTensorsThanOneTableHoldsTakeAFurtherLaunch() {
        GpuBackend gpu = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 20);
        int tensors = org.regionwise.gpu.kernels.AdamKernel.MAX_SEGMENTS + 7;
        Fixture f = new Fixture(gpu, gpu, tensors, 3, true);
        Adam adam = new Adam(f.params, 1e-2, BETA1, BETA2, EPS, 0);
        f.newGradients(1);
        long launches = gpu.stats().launches();
        adam.step();
        assertEquals(2, gpu.stats().launches() - launches, "launches for " + tensors + " tensors");
        f.perTensorStep(1, 1e-2, 0);
        f.assertSameBits(adam);
    }

    /** A CPU tensor among the parameters: the whole step runs the host body (per tensor), with the same numbers. */
    @Test
    void aCpuParameterMixedInRunsTheHostBody() {
        GpuBackend gpu = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 16);
        Backend cpu = new CpuBackend(new ReferenceKernels());
        Fixture f = new Fixture(gpu, cpu, 5, 11, false);
        Adam adam = new Adam(f.params, 1e-2, BETA1, BETA2, EPS, 0);
        for (int t = 1; t <= 2; t++) {
            f.newGradients(t);
            adam.step();
            f.perTensorStep(t, 1e-2, 0);
        }
        f.assertSameBits(adam);
    }

    /**
     * Parameters and their twins (stepped per tensor through the host body) with the same values; parameter 2 lives
     * on {@code other} (the device itself, or a CPU backend), and about a quarter of them never get a gradient
     * (unless {@code everyGradient}).
     */
    private static final class Fixture {
        final List<Tensor> params = new ArrayList<>();
        final List<Tensor> twins = new ArrayList<>();
        final boolean[] hasGrad;
        final Random random;
        final Storage m;
        final Storage v;
        final int[] offsets;

        Fixture(GpuBackend gpu, Backend other, int tensors, long seed, boolean everyGradient) {
            random = new Random(seed);
            hasGrad = new boolean[tensors];
            offsets = new int[tensors];
            int total = 0;
            for (int i = 0; i < tensors; i++) {
                int size = 1 + random.nextInt(tensors > 100 ? 3 : 90);
                float[] values = gaussian(size);
                try (GradMode.Scope on = Backends.onThisThread(i == 2 ? other : gpu)) {
                    params.add(Tensor.of(values.clone(), size).requiresGrad(true));
                    twins.add(Tensor.of(values.clone(), size).requiresGrad(true));
                }
                hasGrad[i] = everyGradient || random.nextInt(4) != 0;
                offsets[i] = total;
                total += size;
            }
            m = gpu.allocate(total);
            v = gpu.allocate(total);
        }

        int withGradient() {
            int n = 0;
            for (boolean b : hasGrad) if (b) n++;
            return n;
        }

        /** The same fresh gradients for parameter and twin, made resident before the step (as backward leaves them). */
        void newGradients(int step) {
            for (int i = 0; i < params.size(); i++) {
                if (!hasGrad[i]) continue;
                float[] g = gaussian(params.get(i).numel());
                for (Tensor t : List.of(params.get(i), twins.get(i))) {
                    System.arraycopy(g, 0, t.gradBuffer(), 0, g.length);
                    t.gradStorage().hostWritten();
                    if (t.gradStorage() instanceof GpuStorage d) d.deviceOffset();
                    if (t.storage() instanceof GpuStorage d) d.deviceOffset();
                }
            }
        }

        /** What optim.Adam did before its step was one kernel call: the host body, one Kernels.adam per parameter. */
        void perTensorStep(int t, double lr, double wd) {
            AdamStep s = new AdamStep((float) (lr / (1 - Math.pow(BETA1, t))), (float) Math.sqrt(1 - Math.pow(BETA2, t)),
                    (float) (1 - BETA1), (float) BETA2, (float) (1 - BETA2), (float) EPS, (float) wd);
            Storage[] ps = new Storage[twins.size()];
            Storage[] gs = new Storage[twins.size()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = twins.get(i).storage();
                gs[i] = hasGrad[i] ? twins.get(i).gradStorage() : null;
            }
            AdamKernel.HOST.step(ps, gs, m, v, offsets, s);
        }

        void assertSameBits(Adam adam) {
            for (int i = 0; i < params.size(); i++) {
                assertArrayEquals(twins.get(i).toArray(), params.get(i).toArray(), 0f, "parameter " + i);
            }
            assertArrayEquals(m.host(), adam.stateDict().buffer(Adam.EXP_AVG), 0f, "exp_avg");
            assertArrayEquals(v.host(), adam.stateDict().buffer(Adam.EXP_AVG_SQ), 0f, "exp_avg_sq");
        }

        private float[] gaussian(int size) {
            float[] a = new float[size];
            for (int i = 0; i < size; i++) a[i] = (float) random.nextGaussian();
            return a;
        }
    }
}
