package org.regionwise.experiments.paper;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.data.Slice;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2d;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.losses.RwGradient;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapKind;
import org.regionwise.maps.MapOptions;
import org.regionwise.maps.RegionMaps;

/** Fig. 3's per-pixel count of negative RW-gradient components, on hand-built cases and a small untrained U-Net. */
class NegativeComponentsTest {

    @Test
    void handBuiltPixels() {
        // Two pixels, channel-major (C = 3, N = 2); equal logits: s = (1/3, 1/3, 1/3).
        float[] logits = new float[6];
        // Pixel 0: rectified z = (1, 1, -1): only the true class is below the mean 1/3.
        // Pixel 1: z = (3, 0, -1): mean 2/3, so classes 1 and 2 are both below it: two negatives.
        float[] z = {1, 3, 1, 0, -1, -1};
        assertArrayEquals(new int[] {1, 2}, NegativeComponents.perPixel(logits, z, 3));
        // A constant map vector gives a zero gradient: no negative component.
        assertArrayEquals(new int[] {0, 0}, NegativeComponents.perPixel(logits, new float[] {2, 2, 2, 2, 2, 2}, 3));
        assertArrayEquals(new long[] {0, 1, 1}, NegativeComponents.histogram(new int[] {1, 2}, 3));
    }

    @Property(tries = 300)
    void agreesWithTheLibrarysClosedForm(@ForAll @Size(4) List<@FloatRange(min = -30, max = 30) Float> x,
                                         @ForAll @Size(4) List<@FloatRange(min = -5, max = 5) Float> zs) {
        float[] logits = new float[4], z = new float[4];
        double[] s = new double[4], zd = new double[4];
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int k = 0; k < 4; k++) {
            logits[k] = x.get(k);
            z[k] = zs.get(k);
            zd[k] = z[k];
            max = Math.max(max, logits[k]);
        }
        for (int k = 0; k < 4; k++) sum += s[k] = Math.exp(logits[k] - max);
        for (int k = 0; k < 4; k++) s[k] /= sum;
        assertEquals(RwGradient.negativeComponents(RwGradient.closedForm(s, zd)), NegativeComponents.perPixel(logits, z, 4)[0]);
    }

    @Test
    void rrwHasExactlyOneNegativeEverywhereAndRwBoundarySomeTwos() {
        int[] labels = NestedDiscs.labels();
        int n = labels.length;
        Grid grid = Grid.of(NestedDiscs.SIZE, NestedDiscs.SIZE);
        float[] rrw = RegionMaps.compute(MapKind.RRW, labels, grid, 3, MapOptions.defaults());
        float[] boundary = RegionMaps.compute(MapKind.BOUNDARY, labels, grid, 3, MapOptions.defaults());
        Random random = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            float[] logits = new float[3 * n];
            for (int i = 0; i < logits.length; i++) logits[i] = (float) (4 * random.nextGaussian());
            int[] counts = NegativeComponents.perPixel(logits, rrw, 3);
            for (int c : counts) assertEquals(1, c, "a rectified map: one negative component whatever the softmax");
            long[] h = NegativeComponents.histogram(NegativeComponents.perPixel(logits, boundary, 3), 3);
            assertTrue(h[2] > 0, "RW-Boundary with 3 classes: some pixels with two negatives, got " + java.util.Arrays.toString(h));
            assertEquals(n, h[0] + h[1] + h[2]);
        }
    }

    @Test
    void anUntrainedNetworksCountsOverSlices() {
        List<Slice> slices = discSlices(2);
        UNet2d model = new UNet2d(new UNet2dConfig(1, 3, 3, 4, 16, NormType.INSTANCE, true), new Random(5));
        var rrw = NegativeCountAnalysis.run(model, slices, NegativeCountAnalysis.mapOf("rrw"), new double[] {1, 1}, 1);
        assertEquals(2L * NestedDiscs.SIZE * NestedDiscs.SIZE, rrw.pixels());
        assertEquals(rrw.pixels(), rrw.histogram()[1], "RRW: every pixel one negative");
        assertEquals(0, rrw.twoOrMore());
        var boundary = NegativeCountAnalysis.run(model, slices, NegativeCountAnalysis.mapOf("rw-boundary"), new double[] {1, 1}, 1);
        assertTrue(boundary.twoOrMore() > 0, "an untrained network's softmax is far from the labels: " + boundary.twoOrMore());
        assertEquals(NestedDiscs.SIZE * NestedDiscs.SIZE, boundary.shown().length);
        assertTrue(model.isTraining() && model.deepSupervision(), "the network's modes are restored");
    }

    @Test
    void onlyRwLossesOfTheSoftmaxCanBeAnalysed() {
        assertThrows(IllegalArgumentException.class, () -> NegativeCountAnalysis.mapOf("dice"));
        assertThrows(IllegalArgumentException.class, () -> NegativeCountAnalysis.mapOf("rw-hd"));
        assertEquals("boundary", NegativeCountAnalysis.mapOf("rw-boundary").key());
    }

    @Test
    void theShownSliceHasTheMostClassesThenTheMostForeground() {
        List<Slice> slices = discSlices(1);
        int[] empty = new int[NestedDiscs.SIZE * NestedDiscs.SIZE];
        int[] half = NestedDiscs.labels().clone();
        for (int i = 0; i < half.length; i++) if (half[i] == 2) half[i] = 1;
        List<Slice> all = new ArrayList<>(List.of(slice(empty, 0), slice(half, 1)));
        all.addAll(slices);
        assertEquals(2, NegativeCountAnalysis.pickShown(all));
    }

    /** {@code count} slices of the nested discs, the image a noisy copy of the labels. */
    static List<Slice> discSlices(int count) {
        List<Slice> slices = new ArrayList<>();
        for (int i = 0; i < count; i++) slices.add(slice(NestedDiscs.labels(), i));
        return slices;
    }

    private static Slice slice(int[] labels, int index) {
        Random random = new Random(index);
        float[] image = new float[labels.length];
        for (int p = 0; p < labels.length; p++) image[p] = (float) (labels[p] + 0.3 * random.nextGaussian());
        return new Slice("discs", index, 1, NestedDiscs.SIZE, NestedDiscs.SIZE, image, labels, 1, 1, 1);
    }
}
