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
        float[][] other = new float[classes][classes];
        for (float[] row : other) {
            Arrays.fill(row, 1f);
        }
        return other;
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

    /**
     * Writes all channels into {@code out} from {@code offset} on (channel-major,
     * {@code counts.length * labels.length} values).
     *
     * <p>An empty class has no true-class voxel, so its channel is the other-class value everywhere
     * (1 for plain RRW). A class filling the image has no voxel outside it, so no finite distance:
     * its voxels get -1, as if every voxel were at the maximal distance (SPEC.md's documented choice).
     */
    static void fill(int[] labels, Grid grid, int[] counts, float[][] other, int threads, float[] out, int offset) {
        int n = labels.length;
        ClassDistances distances = new ClassDistances(labels, grid, counts.length, threads);
        for (int c = 0; c < counts.length; c++) {
            int base = offset + c * n;
            int channel = c;
            if (counts[c] == n) {
                Arrays.fill(out, base, base + n, -1f);
                continue;
            }
            float[] otherValue = other[c];
            ParallelRange.forElements(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[base + i] = otherValue[labels[i]];
                }
            });
            if (counts[c] == 0) {
                continue;
            }
            Box box = distances.inside(c);
            float[] d = distances.insideDistances();
            // Voxels of other classes hold 0 in the box, so the maximum over the box is the class's.
            double max = max(d, box.size());
            box.forEachRow(grid, threads, (local, global, length) -> {
                for (int k = 0; k < length; k++) {
                    if (labels[global + k] == channel) {
                        // d >= smallest spacing > 0 and max is finite, so the ratio is never 0.
                        out[base + global + k] = (float) (-d[local + k] / max);
                    }
                }
            });
        }
    }

    private static double max(float[] values, int length) {
        float max = 0;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, values[i]);
        }
        return max;
    }
}
