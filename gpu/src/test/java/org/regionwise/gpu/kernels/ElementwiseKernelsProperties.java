package org.regionwise.gpu.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.gpu.testing.HeapImage;

/**
 * Elementwise kernels as plain Java against one-line definitions. These are single float operations per
 * element, so they must agree exactly.
 */
class ElementwiseKernelsProperties {

    @Property(tries = 60)
    void everyElementwiseKernelMatchesItsDefinition(@ForAll @IntRange(min = 1, max = 3) int n,
                                                    @ForAll @IntRange(min = 1, max = 4) int c,
                                                    @ForAll @IntRange(min = 1, max = 40) int plane,
                                                    @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int count = n * c * plane;
        HeapImage image = new HeapImage(0, seed);
        int a = image.region(count);
        int b = image.region(count);
        int bias = image.region(c);
        int out = image.region(count);
        int acc = image.region(count);
        float[] heap = image.toArray();
        float[] av = slice(heap, a, count);
        float[] bv = slice(heap, b, count);
        float[] biasv = slice(heap, bias, c);
        float[] accv = slice(heap, acc, count);

        check(heap, ElementwiseKernels.fillLaunch(count, out, 0.5f), out, count, i -> 0.5f);
        check(heap, ElementwiseKernels.copyLaunch(count, a, out), out, count, i -> av[i]);
        check(heap, ElementwiseKernels.addLaunch(count, a, b, out), out, count, i -> av[i] + bv[i]);
        check(heap, ElementwiseKernels.mulLaunch(count, a, b, out), out, count, i -> av[i] * bv[i]);
        check(heap, ElementwiseKernels.scaleLaunch(count, -3f, a, out), out, count, i -> -3f * av[i]);
        check(heap, ElementwiseKernels.leakyReluLaunch(count, 0.01f, a, out), out, count, i -> av[i] > 0 ? av[i] : 0.01f * av[i]);
        check(heap, ElementwiseKernels.addChannelBiasLaunch(n, c, plane, out, bias), out, count,
                i -> (av[i] > 0 ? av[i] : 0.01f * av[i]) + biasv[(i / plane) % c]);
        check(heap, ElementwiseKernels.axpyLaunch(count, 0.25f, a, acc), acc, count, i -> accv[i] + 0.25f * av[i]);
        float[] acc2 = slice(heap, acc, count);
        check(heap, ElementwiseKernels.leakyReluBackwardLaunch(count, 0.2f, a, b, acc), acc, count,
                i -> acc2[i] + (av[i] > 0 ? bv[i] : 0.2f * bv[i]));
    }

    @Property(tries = 30)
    void inPlaceUseIsAllowed(@ForAll @IntRange(min = 1, max = 100) int count, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        HeapImage image = new HeapImage(0, seed);
        int a = image.region(count);
        float[] heap = image.toArray();
        float[] av = slice(heap, a, count);
        // slope 0 is ReLU, except that negative inputs give -0.0 (0 * x).
        check(heap, ElementwiseKernels.leakyReluLaunch(count, 0f, a, a), a, count, i -> av[i] > 0 ? av[i] : 0f * av[i]);
    }

    interface Expected {
        float at(int i);
    }

    private static void check(float[] heap, Launch launch, int out, int count, Expected expected) {
        launch.runOn(heap);
        float[] want = new float[count];
        for (int i = 0; i < count; i++) want[i] = expected.at(i);
        assertArrayEquals(want, slice(heap, out, count), launch.kernel().toString());
    }
}
