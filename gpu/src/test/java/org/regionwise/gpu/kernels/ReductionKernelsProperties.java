package org.regionwise.gpu.kernels;

import static org.regionwise.gpu.kernels.GemmKernelProperties.slice;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.gpu.testing.HeapImage;
import org.regionwise.gpu.testing.Tolerance;

/** Chunked sums (the two-pass full sum) and row dot products against double-precision loops. */
class ReductionKernelsProperties {

    @Property(tries = 100)
    void twoPassChunkSumIsTheSum(@ForAll @IntRange(min = 1, max = 5000) int count, @ForAll @IntRange(min = 1, max = 300) int chunk,
                                 @ForAll @IntRange(min = 0, max = 1000) int seed) {
        HeapImage image = new HeapImage(0, seed);
        int x = image.region(count);
        int chunks = ReductionKernels.chunkCount(count, chunk);
        int partials = image.region(chunks);
        int total = image.region(1);
        float[] heap = image.toArray();
        double expected = 0;
        double absSum = 0;
        for (int i = 0; i < count; i++) {
            expected += heap[x + i];
            absSum += Math.abs(heap[x + i]);
        }
        ReductionKernels.chunkSumLaunch(count, chunk, x, partials).runOn(heap);
        ReductionKernels.chunkSumLaunch(chunks, chunks, partials, total).runOn(heap);
        // Float summation error grows with the number of terms times the sum of magnitudes.
        new Tolerance(1e-7 * (chunk + chunks) * absSum / Math.max(1, count) * 4 + 1e-6, 1e-5)
                .assertClose("sum", new float[] {(float) expected}, slice(heap, total, 1));
    }

    @Property(tries = 100)
    void rowDotIsThePerRowDotProduct(@ForAll @IntRange(min = 1, max = 12) int rows, @ForAll @IntRange(min = 1, max = 300) int len,
                                     @ForAll @IntRange(min = 0, max = 1000) int seed) {
        HeapImage image = new HeapImage(0, seed);
        int a = image.region(rows * len);
        int b = image.region(rows * len);
        int dst = image.region(rows);
        float[] heap = image.toArray();
        float[] expected = new float[rows];
        for (int r = 0; r < rows; r++) {
            double acc = 0;
            for (int i = 0; i < len; i++) acc += (double) heap[a + r * len + i] * heap[b + r * len + i];
            expected[r] = (float) acc;
        }
        ReductionKernels.rowDotLaunch(rows, len, a, b, dst).runOn(heap);
        new Tolerance(2e-6 * len, 1e-5).assertClose("rowDot", expected, slice(heap, dst, rows));
    }
}
