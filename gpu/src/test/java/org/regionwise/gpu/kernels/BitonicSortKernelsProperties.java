package org.regionwise.gpu.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The segmented bitonic sort (plain Java) against {@link Arrays#sort}: each segment sorted by decreasing key,
 * equal keys by increasing index, whatever the keys (few distinct values, so many ties; both signs) and
 * whether the real length is a power of two (the rest padded with a key below every real one, as the Lovasz
 * kernels pad). Keys and indices must come out exactly: a permutation of the input, in that order.
 */
class BitonicSortKernelsProperties {

    @Property(tries = 150)
    void sortsEverySegmentLikeArraysSort(@ForAll @IntRange(min = 1, max = 5) int segments,
                                         @ForAll @IntRange(min = 1, max = 300) int n,
                                         @ForAll @IntRange(min = 1, max = 40) int distinct,
                                         @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Random random = new Random(seed);
        int size = BitonicSortKernels.paddedSize(n);
        int offset = 3; // operands need not start at 0
        float[] heap = new float[offset + 2 * segments * size];
        int keys = offset;
        int index = offset + segments * size;
        float pad = -1e30f;
        for (int seg = 0; seg < segments; seg++) {
            for (int r = 0; r < size; r++) {
                // Few distinct values of both signs (not -0: it equals 0 as a float but not as bits).
                float key = r < n ? (random.nextInt(distinct) - distinct / 3) * 0.375f + 0f : pad;
                heap[keys + seg * size + r] = key;
                heap[index + seg * size + r] = r;
            }
        }
        float[] expectedKeys = new float[segments * size];
        float[] expectedIndex = new float[segments * size];
        for (int seg = 0; seg < segments; seg++) {
            long[] order = new long[size];
            for (int r = 0; r < size; r++) {
                float key = heap[keys + seg * size + r];
                order[r] = ((long) -sortable(key) << 32) | r; // decreasing key, then increasing index
            }
            Arrays.sort(order);
            for (int r = 0; r < size; r++) {
                int i = (int) (order[r] & 0xffffffffL);
                expectedKeys[seg * size + r] = heap[keys + seg * size + i];
                expectedIndex[seg * size + r] = i;
            }
        }

        for (Launch l : BitonicSortKernels.sortLaunches(segments, size, keys, index)) l.runOn(heap);

        assertArrayEquals(expectedKeys, Arrays.copyOfRange(heap, keys, keys + segments * size), "keys");
        assertArrayEquals(expectedIndex, Arrays.copyOfRange(heap, index, index + segments * size), "indices");
        assertEquals(0f, heap[0], "nothing before the operands is touched");
    }

    /** An int that orders like the float (for non-NaN floats other than -0). */
    private static int sortable(float f) {
        int bits = Float.floatToIntBits(f);
        return bits >= 0 ? bits : bits ^ 0x7fffffff;
    }

    @Example
    void stagesAreLog2SizeTimesLog2SizePlusOneOverTwo() {
        assertEquals(0, BitonicSortKernels.sortLaunches(3, 1, 0, 8).size());
        assertEquals(1, BitonicSortKernels.sortLaunches(3, 2, 0, 8).size());
        assertEquals(14 * 15 / 2, BitonicSortKernels.sortLaunches(1, 1 << 14, 0, 1 << 14).size());
        assertEquals(256, BitonicSortKernels.paddedSize(192));
        assertEquals(256, BitonicSortKernels.paddedSize(256));
        assertEquals(1, BitonicSortKernels.paddedSize(1));
        assertThrows(IllegalArgumentException.class, () -> BitonicSortKernels.sortLaunches(1, 12, 0, 16));
        assertThrows(IllegalArgumentException.class, () -> BitonicSortKernels.paddedSize(BitonicSortKernels.MAX_SIZE + 1));
    }
}
