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
 * <p>Used with squared softmax, RW with this map is the one-sided HD loss {@code mean (s - y)^2
 * d^alpha} (SPEC.md section 4). A class absent from the image, or filling it, has no boundary: its
 * channel is 0.
 */
final class HdMaps {

    private HdMaps() {
    }

    static void fill(int[] labels, Grid grid, int[] counts, double alpha, int threads, float[] out) {
        int n = labels.length;
        BoundaryMaps.Scratch scratch = new BoundaryMaps.Scratch(n);
        for (int c = 0; c < counts.length; c++) {
            int base = c * n;
            if (counts[c] == 0 || counts[c] == n) {
                Arrays.fill(out, base, base + n, 0f);
                continue;
            }
            scratch.distancesOf(labels, grid, c, threads);
            float[] inside = scratch.inside;
            float[] outside = scratch.outside;
            ParallelRange.forElements(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    double d = (double) inside[i] + outside[i];
                    out[base + i] = (float) power(d, alpha);
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
