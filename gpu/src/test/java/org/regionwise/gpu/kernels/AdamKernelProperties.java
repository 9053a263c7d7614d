package org.regionwise.gpu.kernels;

import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.optim.Adam;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/** The Adam kernel, as plain Java, against autodiff's optim.Adam over several steps (same float32 arithmetic). */
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
}
