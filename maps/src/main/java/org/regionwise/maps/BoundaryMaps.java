package org.regionwise.maps;

import java.util.Arrays;

/**
 * The RW-Boundary map (SPEC.md Eq. 3, Kervadec's boundary-loss distance map): channel {@code k} is
 * the signed distance to the boundary of class {@code k}, positive outside (distance to the nearest
 * class-{@code k} voxel), negative inside (distance to the nearest voxel of another class).
 *
 * <p>Two conventions differ only inside the class:
 * <ul>
 *   <li>RW reference code: {@code edt(~S)*~S - edt(S)*S}; inside values are {@code -edt(S)}.</li>
 *   <li>Kervadec: {@code edt(~S)*~S - (edt(S)-1)*S}; inside values are {@code 1 - edt(S)}, so the
 *       inner rim is 0 at unit spacing. The 1 is subtracted literally, whatever the spacing, as in
 *       Kervadec's code ({@code distance(posmask, sampling=resolution) - 1}).</li>
 * </ul>
 * A class absent from the image has no boundary: its channel is 0 (Kervadec's code does the same).
 * A class filling the image has no boundary either: 0 as well (not +-Infinity, which would poison a
 * loss).
 */
final class BoundaryMaps {

    private BoundaryMaps() {
    }

    static void fill(int[] labels, Grid grid, int[] counts, boolean kervadec, int threads, float[] out) {
        int n = labels.length;
        float rimShift = kervadec ? 1f : 0f;
        Scratch scratch = new Scratch(n);
        for (int c = 0; c < counts.length; c++) {
            int base = c * n;
            if (counts[c] == 0 || counts[c] == n) {
                Arrays.fill(out, base, base + n, 0f);
                continue;
            }
            scratch.distancesOf(labels, grid, c, threads);
            float[] inside = scratch.inside;
            float[] outside = scratch.outside;
            int channel = c;
            ParallelRange.forElements(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[base + i] = labels[i] == channel ? rimShift - inside[i] : outside[i];
                }
            });
        }
    }

    /** The two distance fields of one class, reused across classes. */
    static final class Scratch {
        final float[] inside;
        final float[] outside;

        Scratch(int voxels) {
            inside = new float[voxels];
            outside = new float[voxels];
        }

        /**
         * {@code inside}: each class-{@code c} voxel's distance to the nearest other voxel;
         * {@code outside}: each other voxel's distance to the nearest class-{@code c} voxel. Each is 0
         * where the other is positive. The class must be neither empty nor full.
         */
        void distancesOf(int[] labels, Grid grid, int c, int threads) {
            Labels.startField(labels, c, true, inside, threads);
            SeparableEdt.transformInPlace(inside, grid, threads, true);
            Labels.startField(labels, c, false, outside, threads);
            SeparableEdt.transformInPlace(outside, grid, threads, true);
        }
    }
}
