package org.regionwise.maps;

import java.util.Arrays;

/**
 * The rectified RW map (SPEC.md Eq. 4) and its weighted forms: channel {@code c} holds
 * {@code -d / max d} at class-{@code c} voxels, with {@code d} the distance transform of the class
 * mask and the maximum taken over that class in this image, and a constant "other-class value" at
 * every other voxel.
 *
 * <p>The other-class value is a table {@code other[c][t]}: the value of channel {@code c} at a voxel
 * of true class {@code t != c}. Plain RRW has 1 everywhere; the class-weighted map has {@code w_t}
 * (so a voxel's other-class components are all equal: rectified); the channel-weighted variant has
 * {@code w_c} (unequal: not rectified). A table lookup keeps the hot loop the same for all three.
 */
final class RrwMaps {

    private RrwMaps() {
    }

    /** Plain RRW: other-class value 1. */
    static float[][] plain(int classes) {
        return constantPerClass(classes, 1f);
    }

    /** Class-weighted: channel {@code c} at a voxel of class {@code t} gets {@code w_t}. */
    static float[][] classWeighted(float[] weights) {
        float[][] other = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            other[c] = weights.clone();
        }
        return other;
    }

    /** Channel-weighted (not rectified): channel {@code c} gets {@code w_c} at every other voxel. */
    static float[][] channelWeighted(float[] weights) {
        float[][] other = new float[weights.length][weights.length];
        for (int c = 0; c < weights.length; c++) {
            Arrays.fill(other[c], weights[c]);
        }
        return other;
    }

    private static float[][] constantPerClass(int classes, float value) {
        float[][] other = new float[classes][classes];
        for (float[] row : other) {
            Arrays.fill(row, value);
        }
        return other;
    }

    /**
     * Writes all channels into {@code out} (channel-major, {@code counts.length * labels.length}).
     *
     * <p>An empty class has no true-class voxel, so its channel is the other-class value everywhere
     * (1 for plain RRW). A class filling the image has no voxel outside it, so no finite distance:
     * its voxels get -1, as if every voxel were at the maximal distance (SPEC.md's documented choice).
     */
    static void fill(int[] labels, Grid grid, int[] counts, float[][] other, int threads, float[] out) {
        int n = labels.length;
        float[] distance = null;
        for (int c = 0; c < counts.length; c++) {
            int base = c * n;
            int channel = c;
            float[] otherValue = other[c];
            if (counts[c] == n) {
                Arrays.fill(out, base, base + n, -1f);
                continue;
            }
            if (counts[c] == 0) {
                ParallelRange.forElements(n, threads, (from, to) -> {
                    for (int i = from; i < to; i++) {
                        out[base + i] = otherValue[labels[i]];
                    }
                });
                continue;
            }
            if (distance == null) {
                distance = new float[n];
            }
            Labels.startField(labels, c, true, distance, threads);
            SeparableEdt.transformInPlace(distance, grid, threads, true);
            double max = maxOverClass(distance, labels, c);
            float[] d = distance;
            ParallelRange.forElements(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int t = labels[i];
                    // d >= smallest spacing > 0 and max is finite, so the ratio is never 0.
                    out[base + i] = t == channel ? (float) (-d[i] / max) : otherValue[t];
                }
            });
        }
    }

    private static double maxOverClass(float[] distance, int[] labels, int c) {
        float max = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == c && distance[i] > max) {
                max = distance[i];
            }
        }
        return max;
    }
}
