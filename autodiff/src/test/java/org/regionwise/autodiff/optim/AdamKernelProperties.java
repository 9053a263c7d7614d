package org.regionwise.autodiff.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.Storage;

/**
 * Adam's step as one {@link AdamKernel} call is, on the CPU, bit for bit the per-parameter loop it replaced
 * ({@code Kernels.adam} once per parameter that has a gradient, moments at the parameter's flat offset), over
 * several steps with a learning rate that changes between them (a schedule) and parameters without gradients.
 */
class AdamKernelProperties {

    @Property(tries = 40)
    void oneKernelCallIsThePerParameterLoopBitForBit(@ForAll @IntRange(min = 1, max = 6) int tensors,
                                                     @ForAll @IntRange(min = 1, max = 4) int steps,
                                                     @ForAll boolean weightDecay, @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        Random r = new Random(seed);
        List<Tensor> params = new ArrayList<>();
        List<Tensor> twins = new ArrayList<>();
        List<float[]> grads = new ArrayList<>();
        for (int i = 0; i < tensors; i++) {
            int size = 1 + r.nextInt(70);
            float[] p = random(r, size);
            params.add(Tensor.of(p.clone(), size).requiresGrad(true));
            twins.add(Tensor.of(p.clone(), size).requiresGrad(true));
            grads.add(r.nextInt(4) == 0 ? null : random(r, size)); // about a quarter never get a gradient
        }
        double beta1 = 0.9, beta2 = 0.999, eps = 1e-8, wd = weightDecay ? 1e-2 : 0;
        Adam adam = new Adam(params, 1e-2, beta1, beta2, eps, wd);
        FlatParameters layout = new FlatParameters(twins);
        Storage m = Backends.getDefault().allocate(layout.size());
        Storage v = Backends.getDefault().allocate(layout.size());
        for (int t = 1; t <= steps; t++) {
            double lr = 1e-2 * Math.pow(1 - (t - 1) / 5.0, 0.9);
            adam.setLearningRate(lr);
            for (int i = 0; i < tensors; i++) {
                if (grads.get(i) == null) continue;
                float[] g = grads.get(i);
                for (int j = 0; j < g.length; j++) g[j] = (float) r.nextGaussian();
                System.arraycopy(g, 0, params.get(i).gradBuffer(), 0, g.length);
                System.arraycopy(g, 0, twins.get(i).gradBuffer(), 0, g.length);
            }
            adam.step();
            // The loop optim.Adam ran before its step became one kernel call.
            double bc1 = 1 - Math.pow(beta1, t);
            double bc2 = 1 - Math.pow(beta2, t);
            AdamStep s = new AdamStep((float) (lr / bc1), (float) Math.sqrt(bc2), (float) (1 - beta1), (float) beta2,
                    (float) (1 - beta2), (float) eps, (float) wd);
            for (int i = 0; i < tensors; i++) {
                Tensor twin = twins.get(i);
                if (!twin.hasGrad()) continue;
                twin.backend().kernels().adam(twin.storage(), twin.gradStorage(), m, v, layout.offset(i), s);
            }
        }
        for (int i = 0; i < tensors; i++) {
            assertArrayEquals(twins.get(i).toArray(), params.get(i).toArray(), 0f, "parameter " + i);
        }
        assertArrayEquals(m.host(), adam.stateDict().buffer(Adam.EXP_AVG), 0f, "exp_avg");
        assertArrayEquals(v.host(), adam.stateDict().buffer(Adam.EXP_AVG_SQ), 0f, "exp_avg_sq");
    }

    private static float[] random(Random r, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
