package org.regionwise.gpu.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.losses.HostRegionWise;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/**
 * The Region-wise kernels as plain Java against {@link HostOps#regionWise} and
 * {@link HostOps#regionWiseBackward} (what the CPU backend computes), on random shapes, both variants, maps
 * of both signs and wide logits. HostOps works in double, the kernels in float, so values agree to float
 * rounding: loss 1e-6 absolute + 1e-5 relative, probabilities 1e-6 + 1e-5, gradients (accumulated onto random
 * values) 1e-6 + 1e-5. The gradient's sign, which the theory tests rely on, is checked exactly where the
 * map fixes it.
 */
class RegionWiseKernelsProperties {

    @Property(tries = 120)
    void regionWiseMatchesHostOps(@ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                  @ForAll @IntRange(min = 1, max = 40) int plane, @ForAll boolean squared,
                                  @ForAll @IntRange(min = 1, max = 9) int chunk, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int count = n * c * plane;
        int pixels = n * plane;
        HeapImage image = new HeapImage(0, seed);
        int logits = image.region(count, -30f, 30f); // wide: the max shift must keep exp finite
        int map = image.region(count, -5f, 5f);      // both signs, as RRW and rectified maps have
        int probs = image.region(count);              // garbage before: the kernel overwrites it
        int perPixel = image.region(pixels);
        int partials = image.region(ReductionKernels.chunkCount(pixels, chunk));
        int loss = image.region(1);
        int gradOut = image.region(1, -2f, 2f);
        int dlogits = image.region(count);            // nonzero: backward accumulates
        float[] heap = image.toArray();
        float[] probsRef = new float[count];
        float[] map0 = slice(heap, map, count);
        float lossRef = HostRegionWise.forward(n, c, plane, squared, slice(heap, logits, count), map0, probsRef);
        float[] gradRef = slice(heap, dlogits, count);
        HostRegionWise.backward(n, c, plane, squared, probsRef, map0, heap[gradOut], gradRef);

        float scale = (float) (1.0 / ((double) n * c * plane));
        RegionWiseKernels.forwardLaunch(n, c, plane, squared, logits, map, probs, perPixel, scale).runOn(heap);
        ReductionKernels.chunkSumLaunch(pixels, chunk, perPixel, partials).runOn(heap);
        int chunks = ReductionKernels.chunkCount(pixels, chunk);
        ReductionKernels.chunkSumLaunch(chunks, chunks, partials, loss).runOn(heap);
        RegionWiseKernels.backwardLaunch(n, c, plane, squared, probs, map, gradOut, dlogits, scale).runOn(heap);

        Tolerance tol = new Tolerance(1e-6, 1e-5);
        tol.assertClose("RW loss (squared=" + squared + ")", new float[] {lossRef}, slice(heap, loss, 1));
        tol.assertClose("softmax", probsRef, slice(heap, probs, count));
        tol.assertClose("dlogits += gradient", gradRef, slice(heap, dlogits, count));
    }

    /**
     * Where a class's map value is the largest of its pixel's (ties aside), its gradient is positive, where
     * it is the smallest, negative: the cancellation-free form keeps that in float too.
     */
    @Property(tries = 80)
    void gradientSignIsExactWhereTheMapFixesIt(@ForAll @IntRange(min = 1, max = 2) int n, @ForAll @IntRange(min = 2, max = 5) int c,
                                               @ForAll @IntRange(min = 1, max = 30) int plane,
                                               @ForAll @IntRange(min = 0, max = 1000) int seed) {
        int count = n * c * plane;
        HeapImage image = new HeapImage(0, seed);
        int logits = image.region(count, -6f, 6f);
        int map = image.region(count, -3f, 3f);
        int probs = image.region(count);
        int perPixel = image.region(n * plane);
        int gradOut = image.region(new float[] {1f});
        int dlogits = image.region(new float[count]);
        float[] heap = image.toArray();
        float scale = (float) (1.0 / ((double) n * c * plane));
        RegionWiseKernels.forwardLaunch(n, c, plane, false, logits, map, probs, perPixel, scale).runOn(heap);
        RegionWiseKernels.backwardLaunch(n, c, plane, false, probs, map, gradOut, dlogits, scale).runOn(heap);
        for (int b = 0; b < n; b++) {
            for (int px = 0; px < plane; px++) {
                int base = b * c * plane + px;
                for (int j = 0; j < c; j++) {
                    float zj = heap[map + base + j * plane];
                    boolean largest = true;
                    boolean smallest = true;
                    for (int k = 0; k < c; k++) {
                        if (k == j) continue;
                        float zk = heap[map + base + k * plane];
                        largest &= zj > zk;
                        smallest &= zj < zk;
                    }
                    float g = heap[dlogits + base + j * plane];
                    if (largest) assertTrue(g > 0f, "largest map value, gradient " + g);
                    if (smallest) assertTrue(g < 0f, "smallest map value, gradient " + g);
                }
            }
        }
    }
}
