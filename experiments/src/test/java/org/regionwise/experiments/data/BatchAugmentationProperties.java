package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Augmentation keeps image and label aligned: in slices built so that every pixel's label is a function
 * of its image value, every pixel of every augmented (padded, cropped, flipped, rotated) batch still
 * satisfies that function, in every channel.
 */
class BatchAugmentationProperties {
    private static final int CLASSES = 5;

    /** The label of a pixel whose channel-0 value is v (pixel values are distinct integers from 1). */
    private static int labelOf(float v) {
        return v == 0 ? 0 : (int) ((long) v * 7919 % (CLASSES - 1)) + 1; // 0 only for padding
    }

    @Property(tries = 60)
    void labelsStayAFunctionOfTheImage(@ForAll @IntRange(min = 1, max = 12) int h, @ForAll @IntRange(min = 1, max = 12) int w,
                                       @ForAll @IntRange(min = 1, max = 12) int patchH, @ForAll @IntRange(min = 1, max = 12) int patchW,
                                       @ForAll boolean square, @ForAll long seed) {
        if (square) patchW = patchH; // square patches get rotations as well as flips
        Random rnd = new Random(seed);
        List<Slice> slices = new ArrayList<>();
        int next = 1;
        for (int k = 0; k < 3; k++) {
            float[] image = new float[2 * h * w];
            int[] label = new int[h * w];
            for (int p = 0; p < h * w; p++) {
                image[p] = next++;
                image[h * w + p] = -10 * image[p]; // channel 1 is a known function of channel 0
                label[p] = labelOf(image[p]);
            }
            slices.add(new Slice("v", k, 2, h, w, image, label, 1, 1, 1));
        }
        SliceDataset data = new SliceDataset("t", slices, List.of("0", "1", "2", "3", "4"), List.of("a", "b"), 2);
        BatchSampler sampler = new BatchSampler(data, 2, patchH, patchW, true, rnd.nextLong());

        for (int step = 0; step < 5; step++) {
            Batch b = sampler.next();
            int pp = patchH * patchW;
            for (int s = 0; s < b.size(); s++) {
                for (int p = 0; p < pp; p++) {
                    float v = b.images()[(2 * s) * pp + p];
                    assertEquals(labelOf(v), b.labels()[s * pp + p], "label follows its pixel");
                    assertEquals(-10 * v + 0f, b.images()[(2 * s + 1) * pp + p], "channels follow each other"); // + 0f: padding is +0, -10 * 0 is -0
                }
            }
        }
    }
}
