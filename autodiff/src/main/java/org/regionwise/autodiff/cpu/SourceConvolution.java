package org.regionwise.autodiff.cpu;

import static org.regionwise.autodiff.cpu.MicroKernel.MR;
import static org.regionwise.autodiff.cpu.MicroKernel.NR;
import static org.regionwise.autodiff.cpu.MicroKernel.TILE;

/**
 * out[m][oh][ow] (=|+=) bias[m] + sum over rows kk of A[m][kk] * source row kk at (oh, ow): one image of a
 * convolution, with the weights packed into panels and the source already filled. Shared by the forward
 * pass and by the stride-1 backward-data pass, which is a convolution with flipped weights.
 *
 * <p>The reduction runs over the whole depth (C*R*S) inside the kernel, so each output tile is written
 * once, with no partial sums in memory. Tasks are groups of tiles times groups of panels, so a 128x128
 * image with 32 channels and an 8x8 image with 480 both split over the threads.
 */
final class SourceConvolution {
    /** Tiles per task: 128 positions, one output row at 128 wide. */
    private static final int TILES_PER_GROUP = 4;

    private SourceConvolution() {}

    static void run(Workspace ws, float[] packed, int depth, int rowsOut, ShiftedSource src,
                    float[] out, int outOff, float[] bias, boolean accumulate) {
        int panels = Panels.count(rowsOut);
        int tileGroups = (src.tiles() + TILES_PER_GROUP - 1) / TILES_PER_GROUP;
        int panelGroups = ws.groups(panels, tileGroups);
        float[] data = src.data();
        int[] rowOff = src.rowOffsets();
        ws.pool.run(tileGroups * panelGroups, (task, worker) -> {
            int tg = task / panelGroups;
            int pg = task % panelGroups;
            int p0 = pg * panels / panelGroups;
            int p1 = (pg + 1) * panels / panelGroups;
            int t1 = Math.min(src.tiles(), (tg + 1) * TILES_PER_GROUP);
            float[] tile = ws.worker(worker).floats(Scratch.TILE, TILE);
            for (int t = tg * TILES_PER_GROUP; t < t1; t++) {
                for (int p = p0; p < p1; p++) {
                    ws.kernel.panelTimesRows(packed, p * depth * MR, data, rowOff, 0, t * NR, depth, tile);
                    store(tile, p * MR, Math.min(MR, rowsOut - p * MR), t * NR, src, out, outOff, bias, accumulate);
                }
            }
        });
    }

    /** Writes the valid positions of one tile; junk columns (ow >= outW) are dropped. */
    private static void store(float[] tile, int row0, int rows, int q0, ShiftedSource src,
                              float[] out, int outOff, float[] bias, boolean accumulate) {
        int pitch = src.pitch();
        int outH = src.outH();
        int outW = src.outW();
        int plane = outH * outW;
        int oh0 = q0 / pitch;
        int ow0 = q0 % pitch;
        for (int i = 0; i < rows; i++) {
            int m = row0 + i;
            float b = bias == null ? 0f : bias[m];
            int base = outOff + m * plane;
            int t = i * NR;
            int oh = oh0;
            int ow = ow0;
            for (int j = 0; j < NR; j++, ow++) {
                if (ow == pitch) {
                    ow = 0;
                    oh++;
                }
                if (oh >= outH) break;
                if (ow >= outW) continue;
                int o = base + oh * outW + ow;
                out[o] = accumulate ? out[o] + tile[t + j] : tile[t + j] + b;
            }
        }
    }
}
