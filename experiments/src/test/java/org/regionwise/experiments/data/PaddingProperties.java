package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Padding makes slices divisible by 2^(levels-1), keeps the data top-left, and unpadding undoes it. */
class PaddingProperties {

    @Property(tries = 200)
    void paddedSlicesAreDivisibleAndKeepTheirData(@ForAll @IntRange(min = 1, max = 70) int h,
                                                  @ForAll @IntRange(min = 1, max = 70) int w,
                                                  @ForAll @IntRange(min = 1, max = 3) int channels,
                                                  @ForAll @IntRange(min = 1, max = 6) int levels, @ForAll long seed) {
        Slice s = randomSlice(channels, h, w, new Random(seed));
        int d = Padding.divisor(levels);

        Slice p = Padding.padToMultiple(s, d);

        assertEquals(0, p.height() % d);
        assertEquals(0, p.width() % d);
        assertTrue(p.height() - h < d && p.width() - w < d, "the smallest multiple");
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < p.height(); r++) {
                for (int col = 0; col < p.width(); col++) {
                    float expected = r < h && col < w ? s.image()[(c * h + r) * w + col] : 0f;
                    assertEquals(expected, p.image()[(c * p.height() + r) * p.width() + col]);
                }
            }
        }
        for (int r = 0; r < p.height(); r++) {
            for (int col = 0; col < p.width(); col++) {
                assertEquals(r < h && col < w ? s.label()[r * w + col] : 0, p.label()[r * p.width() + col]);
            }
        }
        assertArrayEquals(s.image(), Padding.unpad(p.image(), channels, p.height(), p.width(), h, w));
        assertArrayEquals(s.label(), Padding.unpad(p.label(), p.height(), p.width(), h, w));
    }

    @Example
    void divisorsAndRounding() {
        assertEquals(1, Padding.divisor(1));
        assertEquals(16, Padding.divisor(5));
        assertEquals(0, Padding.roundUp(0, 16));
        assertEquals(16, Padding.roundUp(1, 16));
        assertEquals(16, Padding.roundUp(16, 16));
        assertEquals(192, Padding.roundUp(181, 32));
        assertThrows(IllegalArgumentException.class, () -> Padding.divisor(0));
    }

    @Example
    void aSliceLargerThanTheTargetIsAnError() {
        Slice s = randomSlice(1, 5, 5, new Random(1));
        assertThrows(IllegalArgumentException.class, () -> Padding.padTo(s, 4, 8));
    }

    static Slice randomSlice(int channels, int h, int w, Random rnd) {
        float[] image = new float[channels * h * w];
        int[] label = new int[h * w];
        for (int i = 0; i < image.length; i++) image[i] = (float) rnd.nextGaussian();
        for (int i = 0; i < label.length; i++) label[i] = 1 + rnd.nextInt(3);
        return new Slice("v", 0, channels, h, w, image, label, 1, 1, 1);
    }
}
