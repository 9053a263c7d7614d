package org.regionwise.autodiff.cpu;

/**
 * out[m][oh][ow] (=|+=) bias[m] + sum over rows kk of A[m][kk] * source row kk at (oh, ow): one image of a
 * convolution, with the weights packed into panels and the source already filled. Shared by the forward
 * pass and by the stride-1 backward-data pass, which is a convolution with flipped weights.
 *
 * <p>The depth (C*R*S) is cut into blocks of at most {@link #DEPTH_BLOCK} source rows: a tile's slice of
 * those rows (about 3 cache lines each, unaligned) then stays in L1 while every weight panel of the task
 * passes over it; partial sums wait in a per-worker tile buffer, and each output tile is written once.
 * Tasks are groups of tiles times groups of panels, so a 128x128 image with 32 channels and an 8x8 image
 * with 480 both split over the threads.
 */
final class SourceConvolution {
    /** Positions per task (rounded down to whole tiles): one output row at 128 wide. */
    private static final int POSITIONS_PER_GROUP = 128;
    /** Source rows per depth block (see the class comment). */
    static int DEPTH_BLOCK = Integer.getInteger("regionwise.conv.depthBlock", 256);

    private SourceConvolution() {}

    static void run(Workspace ws, float[] packed, int depth, int rowsOut, ShiftedSource src,
                    float[] out, int outOff, float[] bias, boolean accumulate) {
        TileShape shape = ws.shape;
        int mr = shape.mr();
        int nr = shape.nr();
        int tile = shape.tile();
        int tilesPerGroup = Math.max(1, POSITIONS_PER_GROUP / nr);
        int panels = shape.panels(rowsOut);
        int tileGroups = (src.tiles() + tilesPerGroup - 1) / tilesPerGroup;
        int panelGroups = ws.groups(panels, tileGroups);
        float[] data = src.data();
        int[] rowOff = src.rowOffsets();
        ws.pool.run(tileGroups * panelGroups, (task, worker) -> {
            int tg = task / panelGroups;
            int pg = task % panelGroups;
            int p0 = pg * panels / panelGroups;
            int p1 = (pg + 1) * panels / panelGroups;
            int t1 = Math.min(src.tiles(), (tg + 1) * tilesPerGroup);
            float[] tiles = ws.worker(worker).floats(Scratch.TILE, (p1 - p0) * tile);
            int blocks = (depth + DEPTH_BLOCK - 1) / DEPTH_BLOCK;
            int kcMax = (depth + blocks - 1) / blocks;
            for (int t = tg * tilesPerGroup; t < t1; t++) {
                for (int k0 = 0; k0 < depth; k0 += kcMax) {
                    int kc = Math.min(kcMax, depth - k0);
                    for (int p = p0; p < p1; p++) {
                        ws.kernel.panelTimesRows(packed, (p * depth + k0) * mr, data, rowOff, k0, t * nr, kc,
                                tiles, (p - p0) * tile, k0 > 0);
                    }
                }
                for (int p = p0; p < p1; p++) {
                    store(tiles, (p - p0) * tile, nr, p * mr, Math.min(mr, rowsOut - p * mr), t * nr, src, out, outOff,
                            bias, accumulate);
                }
            }
        });
    }

    /**
     * Writes the valid positions of one tile, one output-row segment at a time: each segment is a plain
     * unit-stride loop per tile row (C2 vectorises it), and junk columns (ow >= outW) between segments are
     * skipped. The segments are worked out once per tile, not once per row: a division per row and segment
     * cost about a tenth of a 32-channel convolution's time with 16-position tiles.
     */
    private static void store(float[] tile, int tileOff, int nr, int row0, int rows, int q0, ShiftedSource src,
                              float[] out, int outOff, float[] bias, boolean accumulate) {
        int pitch = src.pitch();
        int outH = src.outH();
        int outW = src.outW();
        int plane = outH * outW;
        int oh = q0 / pitch;
        int ow = q0 - oh * pitch;
        int j = 0;
        while (j < nr && oh < outH) {
            if (ow >= outW) {
                j += pitch - ow;
                oh++;
                ow = 0;
                continue;
            }
            int len = Math.min(nr - j, outW - ow);
            int o = outOff + row0 * plane + oh * outW + ow;
            for (int i = 0; i < rows; i++) {
                int oi = o + i * plane;
                int tj = tileOff + i * nr + j;
                if (accumulate) {
                    for (int e = 0; e < len; e++) out[oi + e] += tile[tj + e];
                } else {
                    float b = bias == null ? 0f : bias[row0 + i];
                    for (int e = 0; e < len; e++) out[oi + e] = tile[tj + e] + b;
                }
            }
            j += len;
            ow += len;
        }
    }
}
