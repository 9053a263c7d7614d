package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * Packing of the broadcast operand into panels of mr rows (the micro-kernel's {@link TileShape#mr()}): panel p
 * holds rows p*mr .. p*mr+mr-1 interleaved step by step, element (i, kk) at {@code p * depth * mr + kk * mr + i},
 * so the micro-kernel reads the mr values it broadcasts at step kk from one cache line. Rows past the end are zero. Packing is where
 * transposes and weight flips happen; the kernel only ever sees this one layout.
 */
final class Panels {
    private Panels() {}

    /** Packs op(A) (rows x depth; op transposes when {@code trans}) from a strided matrix. */
    static void packMatrix(int mr, boolean trans, float[] a, int off, int ld, int rows, int depth, float[] dst,
                           WorkerPool pool) {
        pool.run((rows + mr - 1) / mr, (p, worker) -> {
            int base = p * depth * mr;
            int valid = Math.min(mr, rows - p * mr);
            // Step outer, row inner: the panel is written sequentially; the mr source rows are read as
            // mr parallel streams (or, transposed, one contiguous run of mr).
            for (int kk = 0; kk < depth; kk++) {
                int d = base + kk * mr;
                if (trans) {
                    int src = off + kk * ld + p * mr;
                    for (int i = 0; i < valid; i++) dst[d + i] = a[src + i];
                } else {
                    int src = off + p * mr * ld + kk;
                    for (int i = 0; i < valid; i++) dst[d + i] = a[src + i * ld];
                }
                for (int i = valid; i < mr; i++) dst[d + i] = 0f;
            }
        });
    }

    /**
     * Packs the weights of the convolution that computes the input gradient of a stride-1 convolution:
     * rows are input channels c, steps are (k, r', s') and the value is w[k][c][R-1-r'][S-1-s']
     * (channels swapped, kernel flipped). Stride 1 only: then backward-data is itself a convolution.
     */
    static void packFlippedWeights(int mr, ConvGeometry g, float[] w, float[] dst, WorkerPool pool) {
        int rs = g.r() * g.s();
        int depth = g.k() * rs;
        pool.run((g.c() + mr - 1) / mr, (p, worker) -> {
            int base = p * depth * mr;
            int valid = Math.min(mr, g.c() - p * mr);
            for (int k = 0; k < g.k(); k++) {
                for (int r = 0; r < g.r(); r++) {
                    for (int s = 0; s < g.s(); s++) {
                        int d = base + ((k * g.r() + r) * g.s() + s) * mr;
                        // w[k][c][R-1-r][S-1-s] for the panel's channels c: stride R*S apart.
                        int src = ((k * g.c() + p * mr) * g.r() + (g.r() - 1 - r)) * g.s() + (g.s() - 1 - s);
                        for (int i = 0; i < valid; i++) dst[d + i] = w[src + i * rs];
                        for (int i = valid; i < mr; i++) dst[d + i] = 0f;
                    }
                }
            }
        });
    }
}
