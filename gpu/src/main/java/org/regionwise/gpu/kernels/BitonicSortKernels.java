package org.regionwise.gpu.kernels;

import java.util.ArrayList;
import java.util.List;
import org.regionwise.gpu.Parallel;

/**
 * A bitonic sort of many segments at once, each {@code size} (a power of two) float keys with a float index
 * carried beside them, into decreasing key order, equal keys by increasing index: a total order (the indices
 * of a segment are distinct), so the result is deterministic and equals a stable sort of the keys by
 * decreasing value ({@code Arrays.sort} of keys with the index as tie-break, which the tests compare it
 * with). One launch per stage {@code (k, j)}: {@code log2(size) (log2(size) + 1) / 2} launches, each one
 * thread per compare-exchange pair of every segment, so no thread touches another's elements and no stage
 * needs atomics or barriers. Segments shorter than a power of two are padded by the caller with keys below
 * every real one (they then sort to the end).
 *
 * <p>Indices travel as floats on the float heap: exact for integers up to 2^24, hence {@link #MAX_SIZE}.
 */
public final class BitonicSortKernels {
    /** The largest segment: indices below it are exact as floats. */
    public static final int MAX_SIZE = 1 << 24;

    private BitonicSortKernels() {}

    /**
     * One compare-exchange stage of the bitonic network: element {@code i} (bit {@code j} clear) and
     * {@code i + j} of every segment are put in order, decreasing where bit {@code k} of {@code i} is clear and
     * increasing where it is set ("before" is: larger key, or equal key and smaller index).
     * ints: segments, size (a power of two), k, j, keys, index. (Not named {@code step}: TornadoVM names the
     * OpenCL kernel after the method, and a kernel named like OpenCL's built-in {@code step} crashed PoCL.)
     */
    public static void compareExchange(float[] heap, int[] ints, float[] floats) {
        int segments = ints[0];
        int size = ints[1];
        int k = ints[2];
        int j = ints[3];
        int keys = ints[4];
        int index = ints[5];
        int half = size / 2;
        int pairs = segments * half;
        for (@Parallel int q = 0; q < pairs; q++) {
            int seg = q / half;
            int p = q - seg * half;
            int low = p & (j - 1);
            int i = ((p - low) << 1) + low; // p with a 0 inserted at bit j
            int a = seg * size + i;
            int b = a + j;
            float ka = heap[keys + a];
            float kb = heap[keys + b];
            float ia = heap[index + a];
            float ib = heap[index + b];
            // Arithmetic, not a nested conditional: TornadoVM 5.2 emitted the nested form's logic wrongly on OpenCL.
            int greater = ka > kb ? 1 : 0;
            int equal = ka == kb ? 1 : 0;
            int lowerIndex = ia < ib ? 1 : 0;
            int aBefore = greater + equal * lowerIndex;
            int wantABefore = (i & k) == 0 ? 1 : 0;
            if (aBefore != wantABefore) {
                heap[keys + a] = kb;
                heap[keys + b] = ka;
                heap[index + a] = ib;
                heap[index + b] = ia;
            }
        }
    }

    /** The smallest power of two at least {@code n} (1 for n <= 1). */
    public static int paddedSize(int n) {
        if (n > MAX_SIZE) throw new IllegalArgumentException("bitonic sort: segment of " + n + " exceeds " + MAX_SIZE);
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /** The launches that sort every segment: stages k = 2, 4, ..., size, each with j = k/2, ..., 1. */
    public static List<Launch> sortLaunches(int segments, int size, int keys, int index) {
        if (Integer.bitCount(size) != 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("bitonic sort: segment size " + size + " is not a power of two up to " + MAX_SIZE);
        }
        List<Launch> launches = new ArrayList<>();
        for (int k = 2; k <= size; k <<= 1) {
            for (int j = k >> 1; j > 0; j >>= 1) launches.add(stepLaunch(segments, size, k, j, keys, index));
        }
        return launches;
    }

    public static Launch stepLaunch(int segments, int size, int k, int j, int keys, int index) {
        return Launch.of(Kernel.BITONIC_SORT_STEP, segments * (size / 2), new int[] {segments, size, k, j, keys, index});
    }
}
