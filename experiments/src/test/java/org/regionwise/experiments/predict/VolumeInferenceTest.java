package org.regionwise.experiments.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.data.SliceAxis;
import org.regionwise.experiments.data.ZScore;

/**
 * Whole-volume inference: slices along any axis land back on the input grid, probabilities come in the
 * (x, y, z, class) layout and sum to 1, and an image finer than the training spacing is resampled to it
 * and back without moving the segmentation.
 */
class VolumeInferenceTest {
    private static final int NX = 11, NY = 9, NZ = 7;

    @Test
    void atTheTrainingSpacingEveryAxisGivesTheVoxelwiseAnswer() {
        Random random = new Random(5);
        float[][] channels = {randomVolume(random), randomVolume(random)};
        SlidingWindowTest.PointwiseNetwork net = new SlidingWindowTest.PointwiseNetwork(2, 3, new Random(6));
        float[] expected = voxelwiseProbabilities(net, channels);
        for (int axis : new int[] {SliceAxis.X, SliceAxis.Y, SliceAxis.Z}) {
            double[] spacing = {1.5, 2, 3};
            double[] target = switch (axis) { // (row, column) spacing of that axis's slices
                case SliceAxis.Z -> new double[] {2, 1.5};
                case SliceAxis.Y -> new double[] {3, 1.5};
                default -> new double[] {3, 2};
            };
            VolumePrediction p = new VolumeInference(net, axis, target, 4, 4, 3).predict(new int[] {NX, NY, NZ}, spacing, channels, true);
            assertArrayEquals(expected, p.probabilities(), 1e-5f, "axis " + axis);
            int voxels = NX * NY * NZ;
            for (int v = 0; v < voxels; v++) {
                int best = 0;
                for (int k = 1; k < 3; k++) if (expected[k * voxels + v] > expected[best * voxels + v]) best = k;
                assertEquals(best, p.labels()[v], "voxel " + v + ", axis " + axis);
            }
        }
    }

    @Test
    void aFinerImageIsResampledToTheTrainingSpacingAndBack() {
        // a disc of radius 10 mm in every z slice, at 0.5 mm; the model was trained at 1 mm
        int n = 48, nz = 2;
        float[] image = new float[n * n * nz];
        int[] truth = new int[image.length];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double dx = (x - 23.5) * 0.5, dy = (y - 23.5) * 0.5;
                    boolean in = dx * dx + dy * dy < 100;
                    image[x + n * (y + n * z)] = in ? 100 : 10;
                    truth[x + n * (y + n * z)] = in ? 1 : 0;
                }
            }
        }
        TileNetwork threshold = new TileNetwork() { // class 1 where the z-scored image is positive
            public int inChannels() { return 1; }
            public int classes() { return 2; }
            public float[] logits(float[] images, int count, int h, int w) {
                float[] out = new float[count * 2 * h * w];
                for (int b = 0; b < count; b++) {
                    for (int p = 0; p < h * w; p++) out[(2 * b + 1) * h * w + p] = 8 * images[b * h * w + p];
                }
                return out;
            }
        };
        VolumePrediction p = new VolumeInference(threshold, SliceAxis.Z, new double[] {1, 1}, 16, 16, 4)
                .predict(new int[] {n, n, nz}, new double[] {0.5, 0.5, 2}, new float[][] {image}, true);
        assertEquals(24, p.resampledRows());
        assertEquals(24, p.resampledColumns());
        int voxels = image.length, wrong = 0;
        for (int v = 0; v < voxels; v++) {
            assertEquals(1.0, p.probabilities()[v] + p.probabilities()[voxels + v], 1e-5);
            if (p.labels()[v] != truth[v]) wrong++;
        }
        assertTrue(wrong <= voxels / 50, wrong + " of " + voxels + " voxels changed class"); // only along the disc's rim
    }

    @Test
    void theInputArraysAreLeftAlone() {
        float[] image = randomVolume(new Random(9));
        float[] copy = image.clone();
        new VolumeInference(new SlidingWindowTest.PointwiseNetwork(1, 2, new Random(1)), SliceAxis.Z, new double[] {2, 2}, 8, 8, 2)
                .predict(new int[] {NX, NY, NZ}, new double[] {1, 1, 1}, new float[][] {image}, false);
        assertArrayEquals(copy, image);
    }

    private static float[] voxelwiseProbabilities(TileNetwork net, float[][] channels) {
        int voxels = NX * NY * NZ;
        float[] stacked = new float[channels.length * voxels];
        for (int c = 0; c < channels.length; c++) {
            float[] z = channels[c].clone();
            ZScore.normalize(z);
            System.arraycopy(z, 0, stacked, c * voxels, voxels);
        }
        return SlidingWindowTest.softmax(net.logits(stacked, 1, 1, voxels), net.classes(), voxels);
    }

    private static float[] randomVolume(Random random) {
        float[] v = new float[NX * NY * NZ];
        for (int i = 0; i < v.length; i++) v[i] = (float) (50 + 20 * random.nextGaussian());
        return v;
    }
}
