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

    static void fill(int[] labels, Grid grid, int[] counts, boolean kervadec, int threads, float[] out, int offset) {
        int n = labels.length;
        float rimShift = kervadec ? 1f : 0f;
        ClassDistances distances = new ClassDistances(labels, grid, counts.length, threads);
        for (int c = 0; c < counts.length; c++) {
            int base = offset + c * n;
            if (counts[c] == 0 || counts[c] == n) {
                Arrays.fill(out, base, base + n, 0f);
                continue;
            }
            float[] outside = distances.outside(c);
            // Class voxels hold 0 in outside and are overwritten next, from the inside distances.
            ParallelRange.forElements(n, threads, (from, to) -> System.arraycopy(outside, from, out, base + from, to - from));
            Box box = distances.inside(c);
            float[] inside = distances.insideDistances();
            int channel = c;
            box.forEachRow(grid, threads, (local, global, length) -> {
                for (int k = 0; k < length; k++) {
                    if (labels[global + k] == channel) {
                        out[base + global + k] = rimShift - inside[local + k];
                    }
                }
            });
        }
    }
}
