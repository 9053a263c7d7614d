package org.regionwise.maps;

import java.util.Arrays;

/**
 * Karimi's one-sided Hausdorff map: channel {@code k} is {@code d_k^alpha}, where {@code d_k} is the
 * distance to the boundary of class {@code k} measured as Karimi does, with the distance transforms
 * of the foreground and the background combined: {@code d_k = edt(S) + edt(~S)}. So a class voxel
 * gets its distance to the nearest voxel outside the class, and any other voxel its distance to the
 * nearest class voxel; both are at least the smallest spacing (never 0), and a binary image's two
 * channels are identical.
 *
 * <p>The one-sided HD loss {@code mean (s - y)^2 d^alpha} (SPEC.md section 4) is RW with squared
 * softmax on this map with the true-class channel zeroed, {@code (1 - y) d^alpha} (the paper's Eq. 25),
 * times 2 for a binary image; RW on this map as it is also weights the true class by {@code s_t^2 d}.
 * The losses module builds the zeroed form ({@code MapSource.trueClassZeroed}). A class absent from the image, or filling it, has no boundary: its
 * channel is 0.
 */
final class HdMaps {

    private HdMaps() {
    }

    static void fill(int[] labels, Grid grid, int[] counts, double alpha, int threads, float[] out, int offset) {
        int n = labels.length;
        ClassDistances distances = new ClassDistances(labels, grid, counts.length, threads);
        for (int c = 0; c < counts.length; c++) {
            int base = offset + c * n;
            if (counts[c] == 0 || counts[c] == n) {
                Arrays.fill(out, base, base + n, 0f);
                continue;
            }
            float[] outside = distances.outside(c);
            // Class voxels get 0^alpha here and are overwritten next, from the inside distances.
            ParallelRange.forElements(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[base + i] = (float) power(outside[i], alpha);
                }
            });
            Box box = distances.inside(c);
            float[] inside = distances.insideDistances();
            int channel = c;
            box.forEachRow(grid, threads, (local, global, length) -> {
                for (int k = 0; k < length; k++) {
                    if (labels[global + k] == channel) {
                        out[base + global + k] = (float) power(inside[local + k], alpha);
                    }
                }
            });
        }
    }

    /** {@code d^alpha}, exact for the common exponents. */
    static double power(double d, double alpha) {
        if (alpha == 2) {
            return d * d;
        }
        if (alpha == 1) {
            return d;
        }
        return Math.pow(d, alpha);
    }
}
