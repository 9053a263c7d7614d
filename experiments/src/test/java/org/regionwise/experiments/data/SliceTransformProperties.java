package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The patch symmetries: permutations of the pixels, eight on a square, four on a rectangle. */
class SliceTransformProperties {

    @Property(tries = 100)
    void everyTransformIsAPermutationThatMovesChannelsAndLabelsAlike(@ForAll @IntRange(min = 1, max = 9) int h,
                                                                   @ForAll @IntRange(min = 1, max = 9) int w,
                                                                   @ForAll boolean transpose, @ForAll boolean flipRows,
                                                                   @ForAll boolean flipColumns) {
        if (transpose) w = h;
        int n = h * w;
        float[] src = new float[2 * n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            src[i] = i;
            src[n + i] = -i - 1; // channel 1 mirrors channel 0
            labels[i] = i;
        }
        SliceTransform t = new SliceTransform(transpose, flipRows, flipColumns);
        float[] out = new float[2 * n + 3];
        int[] outLabels = new int[n + 3];
        t.apply(src, 2, h, w, out, 3);
        t.apply(labels, h, w, outLabels, 3);

        int[] seen = new int[n];
        for (int i = 0; i < n; i++) {
            int from = (int) out[3 + i];
            seen[from]++;
            assertEquals(-from - 1, out[3 + n + i], "channels move together");
            assertEquals(from, outLabels[3 + i], "the label moves with the image");
        }
        int[] once = new int[n];
        Arrays.fill(once, 1);
        assertEquals(Arrays.toString(once), Arrays.toString(seen), "a permutation");
    }

    @Example
    void aSquareHasEightDistinctSymmetriesAndARectangleFour() {
        SplittableRandom rng = new SplittableRandom(3);
        Set<String> square = new HashSet<>(), rectangle = new HashSet<>();
        float[] sq = {0, 1, 2, 3, 4, 5, 6, 7, 8}, rect = {0, 1, 2, 3, 4, 5};
        for (int i = 0; i < 400; i++) {
            float[] a = new float[9], b = new float[6];
            SliceTransform.random(rng, true).apply(sq, 1, 3, 3, a, 0);
            SliceTransform.random(rng, false).apply(rect, 1, 2, 3, b, 0);
            square.add(Arrays.toString(a));
            rectangle.add(Arrays.toString(b));
        }
        assertEquals(8, square.size());
        assertEquals(4, rectangle.size());
    }

    @Example
    void aQuarterTurnIsATransposeThenARowFlip() {
        // [[0, 1], [2, 3]] turned a quarter counter-clockwise is [[1, 3], [0, 2]]
        float[] out = new float[4];
        new SliceTransform(true, true, false).apply(new float[] {0, 1, 2, 3}, 1, 2, 2, out, 0);
        assertEquals("[1.0, 3.0, 0.0, 2.0]", Arrays.toString(out));
    }

    @Example
    void aTransposeOfARectangleIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SliceTransform(true, false, false).apply(new int[6], 2, 3, new int[6], 0));
    }
}
