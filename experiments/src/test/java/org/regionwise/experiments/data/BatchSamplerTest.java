package org.regionwise.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Batches: shapes, determinism under a seed, epochs, padding, cropping, and which augmentations apply. */
class BatchSamplerTest {

    /** {@code count} slices of h x w, 2 channels; slice k holds k + pixel/1000 in channel 0, label k % 3. */
    static SliceDataset numbered(int count, int h, int w) {
        List<Slice> slices = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            float[] image = new float[2 * h * w];
            int[] label = new int[h * w];
            for (int p = 0; p < h * w; p++) {
                image[p] = k + p / 1000f;
                image[h * w + p] = -image[p];
                label[p] = k % 3;
            }
            slices.add(new Slice("v", k, 2, h, w, image, label, 1, 1, 1));
        }
        return new SliceDataset("train", slices, List.of("a", "b", "c"), List.of("c0", "c1"), SliceAxis.Z);
    }

    @Test
    void theSameSeedGivesTheSameBatches() {
        SliceDataset data = numbered(7, 8, 8);
        BatchSampler a = new BatchSampler(data, 3, 8, 8, true, 42);
        BatchSampler b = new BatchSampler(data, 3, 8, 8, true, 42);
        BatchSampler c = new BatchSampler(data, 3, 8, 8, true, 43);
        boolean differs = false;
        for (int step = 0; step < 10; step++) {
            Batch x = a.next(), y = b.next(), z = c.next();
            assertArrayEquals(x.images(), y.images());
            assertArrayEquals(x.labels(), y.labels());
            assertArrayEquals(x.sliceIndices(), y.sliceIndices());
            differs |= !Arrays.equals(x.images(), z.images());
        }
        assertTrue(differs, "another seed, other batches");
    }

    @Test
    void nextIntoFillsTheCallersBuffersLikeNext() {
        SliceDataset data = numbered(5, 4, 6);
        BatchSampler a = new BatchSampler(data, 2, 4, 6, true, 9);
        BatchSampler b = new BatchSampler(data, 2, 4, 6, true, 9);
        float[] images = new float[2 * 2 * 4 * 6];
        int[] labels = new int[2 * 4 * 6];
        for (int step = 0; step < 4; step++) {
            Batch x = a.next();
            int[] indices = b.nextInto(images, labels);
            assertArrayEquals(x.images(), images);
            assertArrayEquals(x.labels(), labels);
            assertArrayEquals(x.sliceIndices(), indices);
        }
        assertThrows(IllegalArgumentException.class, () -> b.nextInto(new float[3], labels));
    }

    @Test
    void everySliceOnceAnEpoch() {
        SliceDataset data = numbered(10, 2, 2);
        BatchSampler sampler = new BatchSampler(data, 5, 2, 2, false, 1);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[10];
            for (int step = 0; step < 2; step++) for (int i : sampler.next().sliceIndices()) seen[i]++;
            int[] ones = new int[10];
            Arrays.fill(ones, 1);
            assertArrayEquals(ones, seen);
        }
    }

    @Test
    void withoutAugmentationSamplesAreTheSlicesThemselves() {
        SliceDataset data = numbered(4, 3, 5);
        Batch batch = new BatchSampler(data, 4, 3, 5, false, 5).next();
        assertArrayEquals(new int[] {4, 2, 3, 5}, batch.imageShape());
        assertArrayEquals(new int[] {4, 3, 5}, batch.labelShape());
        for (int b = 0; b < 4; b++) {
            Slice s = data.get(batch.sliceIndices()[b]);
            assertArrayEquals(s.image(), Arrays.copyOfRange(batch.images(), b * 30, (b + 1) * 30));
            assertArrayEquals(s.label(), Arrays.copyOfRange(batch.labels(), b * 15, (b + 1) * 15));
        }
    }

    @Test
    void forNetworkPadsToTheDivisibilityAfterTheData() {
        SliceDataset data = numbered(2, 20, 9);
        BatchSampler sampler = BatchSampler.forNetwork(data, 2, 4, false, 0);
        assertEquals(24, sampler.patchHeight());
        assertEquals(16, sampler.patchWidth());
        Batch batch = sampler.batchOf(1);
        for (int r = 0; r < 24; r++) {
            for (int c = 0; c < 16; c++) {
                boolean inside = r < 20 && c < 9;
                assertEquals(inside ? 1 + (r * 9 + c) / 1000f : 0f, batch.images()[r * 16 + c]);
                assertEquals(inside ? 1 : 0, batch.labels()[r * 16 + c], "pad is background");
            }
        }
    }

    @Test
    void largerSlicesAreCroppedRandomlyForTrainingAndCentredForValidation() {
        SliceDataset data = numbered(1, 10, 10);
        BatchSampler sampler = new BatchSampler(data, 1, 4, 4, false, 3);
        java.util.Set<Float> corners = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            Batch b = sampler.next();
            float corner = b.images()[0];
            int p = Math.round(corner * 1000);
            int r = p / 10, c = p % 10;
            assertTrue(r <= 6 && c <= 6, "window inside the slice");
            assertEquals((r + 1) * 10 + c + 1, Math.round(b.images()[5] * 1000), "a contiguous window");
            corners.add(corner);
        }
        assertTrue(corners.size() > 5, "random offsets");
        assertEquals((3 * 10 + 3) / 1000f, sampler.batchOf(0).images()[0], "centred: offset (3, 3)");
    }

    @Test
    void rotationsOnlyForSquarePatchesOfSquarePixels() {
        // A transpose (rotation by 90) is the only way pixel (0, 1) can land at (1, 0).
        assertTrue(transposesSeen(numbered(1, 4, 4)), "square patch: rotations happen");
        assertFalse(transposesSeen(numbered(1, 4, 6)), "rectangle: flips only");
        List<Slice> anisotropic = List.of(withSpacing(numbered(1, 4, 4).get(0), 1, 2));
        assertFalse(transposesSeen(new SliceDataset("t", anisotropic, List.of("a", "b", "c"), List.of("c0", "c1"), 2)),
                "square patch of non-square pixels: flips only");
    }

    private static boolean transposesSeen(SliceDataset data) {
        Slice s = data.get(0);
        BatchSampler sampler = new BatchSampler(data, 1, s.height(), s.width(), true, 11);
        for (int i = 0; i < 64; i++) {
            float[] img = sampler.next().images();
            int at = Math.round(img[0] * 1000), next = Math.round(img[1] * 1000);
            // without a transpose, horizontal neighbours stay in one row of the source
            if (at / s.width() != next / s.width()) return true;
        }
        return false;
    }

    private static Slice withSpacing(Slice s, double dy, double dx) {
        return new Slice(s.volumeId(), s.sliceIndex(), s.channels(), s.height(), s.width(), s.image(), s.label(), dy, dx, s.dz());
    }

    @Test
    void anEmptyDataSetIsRefused() {
        SliceDataset empty = new SliceDataset("validation", List.of(), List.of("a"), List.of("c"), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BatchSampler(empty, 1, 4, 4, false, 0));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }
}
