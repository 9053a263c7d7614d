package org.regionwise.experiments.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2d;
import org.regionwise.layers.UNet2dConfig;

/**
 * Sliding-window inference: nnU-Net's tile positions, the Gaussian importance map, and tiled inference
 * equal to whole-image inference for a network that sees each pixel alone (so every tile agrees).
 */
class SlidingWindowTest {

    @Example
    void tileStartsMatchNnUnet() {
        // nnU-Net: compute_steps_for_sliding_window((100,), (48,), 0.5) -> [0, 17, 35, 52]
        assertArrayEquals(new int[] {0, 17, 35, 52}, SlidingWindow.starts(100, 48));
        assertArrayEquals(new int[] {0}, SlidingWindow.starts(48, 48));
        assertArrayEquals(new int[] {0, 8}, SlidingWindow.starts(24, 16));
        assertArrayEquals(new int[] {0, 8, 16}, SlidingWindow.starts(32, 16));
    }

    @Property(tries = 200)
    void tilesCoverTheImageWithStepsOfAtMostHalfAPatch(@ForAll @IntRange(min = 2, max = 64) int patch,
                                                       @ForAll @IntRange(min = 0, max = 300) int extra) {
        int size = patch + extra;
        int[] s = SlidingWindow.starts(size, patch);
        assertEquals(0, s[0]);
        assertEquals(size - patch, s[s.length - 1]);
        for (int i = 1; i < s.length; i++) assertTrue(s[i] - s[i - 1] <= Math.ceil(patch * SlidingWindow.STEP) && s[i] > s[i - 1]);
        if (s.length > 1) assertTrue((size - patch) / (double) (s.length - 2) > patch * SlidingWindow.STEP, "the fewest tiles");
    }

    @Property(tries = 50)
    void gaussianPeaksAtOneInTheCentreIsSymmetricAndPositive(@ForAll @IntRange(min = 1, max = 40) int h,
                                                            @ForAll @IntRange(min = 1, max = 40) int w) {
        float[] g = GaussianImportance.map(h, w);
        float max = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                float v = g[r * w + c];
                assertTrue(v > 0 && v <= 1);
                assertEquals(v, g[(h - 1 - r) * w + c], 0f);
                assertEquals(v, g[r * w + w - 1 - c], 0f);
                max = Math.max(max, v);
            }
        }
        assertEquals(1f, g[(h / 2) * w + w / 2], 1e-6f, "the peak, at the centre");
        assertEquals(1f, max, 1e-6f);
    }

    @Example
    void gaussianSigmaIsAnEighthOfThePatch() {
        int n = 33; // odd: a pixel sits on the centre, sigma = 33/8 = 4.125 pixels
        float[] g = GaussianImportance.map(1, n);
        double d = 4; // four pixels from the centre
        assertEquals(Math.exp(-d * d / (2 * (n / 8.0) * (n / 8.0))), g[16 + 4], 1e-7);
        assertEquals(1f, g[16], 0f);
    }

    /** A pointwise network gives every tile the same answer at a pixel: the weighted average is that answer. */
    @Property(tries = 30)
    void tiledInferenceOfAPointwiseNetworkEqualsWholeImageInference(@ForAll @IntRange(min = 1, max = 60) int h,
                                                                  @ForAll @IntRange(min = 1, max = 60) int w,
                                                                  @ForAll @IntRange(min = 1, max = 24) int ph,
                                                                  @ForAll @IntRange(min = 1, max = 24) int pw,
                                                                  @ForAll @IntRange(min = 1, max = 5) int batch, @ForAll long seed) {
        PointwiseNetwork net = new PointwiseNetwork(2, 3, new Random(seed));
        float[] image = new float[2 * h * w];
        Random random = new Random(seed + 1);
        for (int i = 0; i < image.length; i++) image[i] = (float) random.nextGaussian();
        float[] tiled = new SlidingWindow(net, ph, pw, batch).probabilities(image, h, w);
        float[] whole = softmax(net.logits(image, 1, h, w), 3, h * w);
        assertArrayEquals(whole, tiled, 1e-5f);
    }

    /** A real U-Net: probabilities sum to 1, results do not depend on the batch, small images are padded. */
    @Example
    void uNetTilesGiveProbabilitiesIndependentOfTheBatch() {
        UNet2d model = new UNet2d(new UNet2dConfig(1, 3, 2, 4, 32, NormType.INSTANCE, true), new Random(0));
        UNetTiles net = new UNetTiles(model);
        Random random = new Random(3);
        for (int[] size : new int[][] {{20, 28}, {5, 9}}) {
            int h = size[0], w = size[1];
            float[] image = new float[h * w];
            for (int i = 0; i < image.length; i++) image[i] = (float) random.nextGaussian();
            float[] one = new SlidingWindow(net, 8, 16, 1).probabilities(image, h, w);
            float[] many = new SlidingWindow(net, 8, 16, 4).probabilities(image, h, w);
            assertArrayEquals(one, many, 1e-5f);
            for (int p = 0; p < h * w; p++) assertEquals(1.0, one[p] + one[h * w + p] + one[2 * h * w + p], 1e-5);
        }
        assertTrue(model.isTraining() && model.deepSupervision(), "modes restored");
    }

    @Example
    void aSingleTileIsTheNetworksSoftmax() {
        UNet2d model = new UNet2d(new UNet2dConfig(1, 2, 2, 4, 32, NormType.INSTANCE, true), new Random(1));
        UNetTiles net = new UNetTiles(model);
        float[] image = new float[8 * 8];
        Random random = new Random(4);
        for (int i = 0; i < image.length; i++) image[i] = (float) random.nextGaussian();
        float[] tiled = new SlidingWindow(net, 8, 8, 2).probabilities(image, 8, 8);
        assertArrayEquals(softmax(net.logits(image, 1, 8, 8), 2, 64), tiled, 1e-6f);
    }

    static float[] softmax(float[] logits, int classes, int pixels) {
        float[] out = new float[logits.length];
        for (int p = 0; p < pixels; p++) {
            double max = Double.NEGATIVE_INFINITY, total = 0;
            for (int k = 0; k < classes; k++) max = Math.max(max, logits[k * pixels + p]);
            for (int k = 0; k < classes; k++) total += Math.exp(logits[k * pixels + p] - max);
            for (int k = 0; k < classes; k++) out[k * pixels + p] = (float) (Math.exp(logits[k * pixels + p] - max) / total);
        }
        return out;
    }

    /** logits_k(pixel) = sum_c w_kc image_c(pixel) + b_k: translation-equivariant with no reach beyond the pixel. */
    static final class PointwiseNetwork implements TileNetwork {
        private final int channels, classes;
        private final double[] weights;

        PointwiseNetwork(int channels, int classes, Random random) {
            this.channels = channels;
            this.classes = classes;
            this.weights = new double[classes * (channels + 1)];
            for (int i = 0; i < weights.length; i++) weights[i] = 2 * random.nextGaussian();
        }

        @Override
        public int inChannels() {
            return channels;
        }

        @Override
        public int classes() {
            return classes;
        }

        @Override
        public float[] logits(float[] images, int n, int h, int w) {
            int plane = h * w;
            float[] out = new float[n * classes * plane];
            for (int b = 0; b < n; b++) {
                for (int k = 0; k < classes; k++) {
                    for (int p = 0; p < plane; p++) {
                        double v = weights[k * (channels + 1) + channels];
                        for (int c = 0; c < channels; c++) v += weights[k * (channels + 1) + c] * images[(b * channels + c) * plane + p];
                        out[(b * classes + k) * plane + p] = (float) v;
                    }
                }
            }
            return out;
        }
    }
}
