package org.regionwise.gpu.kernels;

import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.optim.Adam;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/**
 * The Adam kernels, as plain Java: per tensor against autodiff's optim.Adam over several steps (same float32
 * arithmetic), and the one-launch step over a segment table against the per-tensor launches.
 */
class AdamKernelProperties {

    @Property(tries = 40)
    void stepsMatchAutodiffAdam(@ForAll @IntRange(min = 1, max = 200) int count, @ForAll @IntRange(min = 1, max = 4) int steps,
                                @ForAll boolean weightDecay, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        double lr = 3e-3;
        double wd = weightDecay ? 1e-2 : 0;
        HeapImage image = new HeapImage(0, seed);
        int p = image.region(count);
        int g = image.region(count);
        int m = image.region(new float[count]);
        int v = image.region(new float[count]);
        float[] heap = image.toArray();

        Tensor param = Tensor.of(slice(heap, p, count), count).requiresGrad(true);
        System.arraycopy(heap, g, param.gradBuffer(), 0, count);
        Adam adam = new Adam(List.of(param), lr, 0.9, 0.999, 1e-8, wd);
        for (int t = 1; t <= steps; t++) {
            adam.step();
            AdamKernel.launch(count, p, g, m, v, t, lr, 0.9, 0.999, 1e-8, wd).runOn(heap);
        }
        new Tolerance(1e-7, 1e-6).assertClose("adam parameters", param.toArray(), slice(heap, p, count));
    }

    /**
     * One launch over a segment table against one launch per tensor: the same bits (same float operations per
     * element, in the same order), parameters and moments of tensors scattered over the heap, empty tensors
     * included, moments at their flat offsets and every other heap value untouched.
     */
    @Property(tries = 60)
    void segmentsLaunchIsThePerTensorLaunchesBitForBit(@ForAll @IntRange(min = 1, max = 20) int tensors,
                                                       @ForAll @IntRange(min = 1, max = 3) int steps, @ForAll boolean weightDecay,
                                                       @ForAll @IntRange(min = 0, max = 10_000) int seed) {
        Random r = new Random(seed);
        HeapImage image = new HeapImage(0, seed);
        int[] params = new int[tensors];
        int[] grads = new int[tensors];
        int[] moments = new int[tensors];
        int[] lengths = new int[tensors];
        int total = 0;
        for (int i = 0; i < tensors; i++) {
            lengths[i] = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(80);
            params[i] = image.region(lengths[i]);
            grads[i] = image.region(lengths[i]);
            moments[i] = total;
            total += lengths[i] + r.nextInt(3); // gaps between tensors' moments stay untouched
        }
        int m = image.region(total, -0.1f, 0.1f);
        int v = image.region(total, 0f, 0.01f);
        float[] oneLaunch = image.toArray();
        float[] perTensor = oneLaunch.clone();
        for (int t = 1; t <= steps; t++) {
            AdamStep s = HostOpsKernelsProperties.step(t, 3e-3 * t, 0.9, 0.999, 1e-8,
                    weightDecay ? 1e-2 : 0);
            AdamKernel.segmentsLaunch(tensors, params, grads, moments, lengths, m, v, s).runOn(oneLaunch);
            for (int i = 0; i < tensors; i++) {
                AdamKernel.launch(lengths[i], params[i], grads[i], m + moments[i], v + moments[i], s).runOn(perTensor);
            }
        }
        new Tolerance(0, 0).assertClose("the whole heap", perTensor, oneLaunch);
    }
}
