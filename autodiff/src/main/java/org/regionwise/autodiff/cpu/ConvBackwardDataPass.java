package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ConvPass;

/**
 * dx += the input gradient of a convolution (also the forward pass of a transposed convolution).
 *
 * <p>Stride 1: the input gradient is itself a convolution of dy, with the kernel flipped, channels
 * swapped and padding dil*(R-1) - pad (negative padding crops), so it runs on
 * {@link SourceConvolution} with nothing written but dx.
 *
 * <p>Other strides: each tile computes a block of the column gradient W^T dy (rows (c, r, s), columns
 * output positions) and scatters it into dx, col2im style, without ever holding the whole column
 * matrix. Neighbouring output positions scatter into overlapping pixels, so threads split by input
 * channel instead (groups of panels that start and end on a channel boundary), never by position.
 *
 * <p>The order in which a pixel of dx receives its terms is fixed, whatever the micro-kernel's tile: blocks
 * of {@link #SCATTER_COLUMNS} positions in turn, within a block rows (c, r, s) in turn, within a row positions
 * in turn. The kernel's tiles fill a row-major block of lcm(nr, 32) positions, which is then scattered in that
 * order, so every CPU kind gives the same bits.
 */
final class ConvBackwardDataPass {
    /**
     * Positions per scatter block. 32 because the AVX-512 tile, 32 positions wide, fixed the order first: the
     * narrower tiles then reproduce its bits.
     */
    static final int SCATTER_COLUMNS = 32;

    private ConvBackwardDataPass() {}

    /** What {@link #run} does for {@code g}, for per-shape reports. */
    static String algorithm(Workspace ws, ConvGeometry g) {
        return g.strideH() == 1 && g.strideW() == 1
                ? ws.choice.describe(ConvPass.BACKWARD_DATA, g, "implicit GEMM, flipped weights")
                : "GEMM + col2im scatter";
    }

    static void run(Workspace ws, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        if (g.strideH() == 1 && g.strideW() == 1) {
            // dx accumulates, so a shape's first-call timing runs both algorithms into a throwaway buffer.
            float[][] junk = new float[1][];
            Runnable direct = () -> asConvolution(ws, g, dy, w, throwaway(junk, g));
            Runnable winograd = () -> winograd(ws, g, dy, w, throwaway(junk, g));
            if (ws.choice.winograd(ConvPass.BACKWARD_DATA, g, direct, winograd)) {
                winograd(ws, g, dy, w, dx);
            } else {
                asConvolution(ws, g, dy, w, dx);
            }
        } else {
            scatter(ws, g, dy, w, dx);
        }
    }

    private static float[] throwaway(float[][] holder, ConvGeometry g) {
        if (holder[0] == null) holder[0] = new float[g.inputSize()];
        return holder[0];
    }

    /** Stride 1, padding 1, 3x3: the same Winograd convolution as forward, with flipped, transposed weights. */
    static void winograd(Workspace ws, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        float[] u = ws.shared.floats(Scratch.WINOGRAD_WEIGHTS, WinogradConvolution.POSITIONS * g.k() * g.c());
        WinogradConvolution.transformWeights(ws, w, g.k(), g.c(), true, u);
        WinogradConvolution.run(ws, g.n(), g.k(), g.c(), g.h(), g.w(), u, dy, dx, null, true);
    }

    static void asConvolution(Workspace ws, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        int depth = g.k() * g.r() * g.s();
        int mr = ws.shape.mr();
        float[] packed = ws.shared.floats(Scratch.PANEL_A, ws.shape.panels(g.c()) * depth * mr);
        Panels.packFlippedWeights(mr, g, w, packed, ws.pool);
        ShiftedSource src = ws.source;
        src.configure(g.k(), g.outH(), g.outW(), g.r(), g.s(), 1, 1,
                g.dilH() * (g.r() - 1) - g.padH(), g.dilW() * (g.s() - 1) - g.padW(), g.dilH(), g.dilW(),
                g.h(), g.w(), false);
        int imageDy = g.k() * g.outH() * g.outW();
        int imageDx = g.c() * g.h() * g.w();
        for (int n = 0; n < g.n(); n++) {
            src.fill(dy, n * imageDy, ws.pool);
            SourceConvolution.run(ws, packed, depth, g.c(), src, dx, n * imageDx, null, true);
        }
    }

    private static void scatter(Workspace ws, ConvGeometry g, float[] dy, float[] w, float[] dx) {
        int rs = g.r() * g.s();
        int rows = g.c() * rs;
        int mr = ws.shape.mr();
        int nr = ws.shape.nr();
        int panels = ws.shape.panels(rows);
        float[] packed = ws.shared.floats(Scratch.PANEL_A, panels * g.k() * mr);
        // op(A) = W^T: rows (c, r, s), depth k.
        Panels.packMatrix(mr, true, w, 0, rows, rows, g.k(), packed, ws.pool);
        ShiftedSource src = ws.source;
        // dy read as a plain matrix: row k is channel k, positions q = oh * outW + ow, no padding.
        src.configure(g.k(), g.outH(), g.outW(), 1, 1, 1, 1, 0, 0, 1, 1, g.outH(), g.outW(), false);
        int unit = lcm(mr, rs) / mr; // panels per channel-aligned group
        int groups = (panels + unit - 1) / unit;
        int block = lcm(nr, SCATTER_COLUMNS); // positions per block: whole kernel tiles, whole scatter blocks
        int positions = g.outH() * g.outW();
        int imageDy = g.k() * g.outH() * g.outW();
        int imageDx = g.c() * g.h() * g.w();
        float[] data = src.data();
        int[] rowOff = src.rowOffsets();
        for (int n = 0; n < g.n(); n++) {
            src.fill(dy, n * imageDy, ws.pool);
            int dxOff = n * imageDx;
            ws.pool.run(groups, (group, worker) -> {
                int p0 = group * unit;
                int p1 = Math.min(panels, (group + 1) * unit);
                int row0 = p0 * mr;
                int groupRows = Math.min(rows, p1 * mr) - row0;
                Scratch scratch = ws.worker(worker);
                float[] tile = scratch.floats(Scratch.TILE, ws.shape.tile());
                // The group's column gradient for one block of positions, row-major: groupRows x block.
                float[] cols = scratch.floats(Scratch.PANEL_B, (p1 - p0) * mr * block);
                for (int b0 = 0; b0 < positions; b0 += block) {
                    int t1 = Math.min(src.tiles(), (b0 + block) / nr);
                    for (int t = b0 / nr; t < t1; t++) {
                        int j0 = t * nr - b0;
                        for (int p = p0; p < p1; p++) {
                            ws.kernel.panelTimesRows(packed, p * g.k() * mr, data, rowOff, 0, t * nr, g.k(), tile, 0, false);
                            for (int i = 0; i < mr; i++) {
                                System.arraycopy(tile, i * nr, cols, ((p - p0) * mr + i) * block + j0, nr);
                            }
                        }
                    }
                    int b1 = Math.min(positions, b0 + block);
                    for (int q0 = b0; q0 < b1; q0 += SCATTER_COLUMNS) {
                        scatterTile(g, cols, q0 - b0, block, row0, groupRows, q0, dx, dxOff);
                    }
                }
            });
        }
    }

    /**
     * dx += one scatter block of the column gradient, row (c, r, s) by row: row i's {@link #SCATTER_COLUMNS}
     * values (consecutive output positions from q0) start at {@code cols[colOff + i * ld]}. They cover a few
     * runs along output rows; each run lands on one input row at a fixed stride, so the bounds are worked out
     * once per run and the inner loop is a plain strided add.
     */
    private static void scatterTile(ConvGeometry g, float[] tile, int colOff, int ld, int row0, int rows, int q0, float[] dx,
                                    int dxOff) {
        int positions = g.outH() * g.outW();
        int columns = Math.min(SCATTER_COLUMNS, positions - q0);
        int sw = g.strideW();
        for (int i = 0; i < rows; i++) {
            int row = row0 + i;
            int c = row / (g.r() * g.s());
            int r = row / g.s() % g.r();
            int s = row % g.s();
            int plane = dxOff + c * g.h() * g.w();
            int colShift = s * g.dilW() - g.padW(); // iw = ow * sw + colShift
            // Output columns whose input column lies in [0, w): ow in [owMin, owMax).
            int owMin = colShift >= 0 ? 0 : (-colShift + sw - 1) / sw;
            int owMax = Math.min(g.outW(), Math.floorDiv(g.w() - 1 - colShift, sw) + 1);
            int t = colOff + i * ld;
            int j = 0;
            while (j < columns) {
                int q = q0 + j;
                int oh = q / g.outW();
                int owStart = q - oh * g.outW();
                int run = Math.min(columns - j, g.outW() - owStart); // columns left on this output row
                int ih = oh * g.strideH() - g.padH() + r * g.dilH();
                if (ih >= 0 && ih < g.h()) {
                    int lo = Math.max(owStart, owMin);
                    int hi = Math.min(owStart + run, owMax);
                    int base = plane + ih * g.w() + colShift;
                    int from = t + j - owStart;
                    for (int ow = lo; ow < hi; ow++) dx[base + ow * sw] += tile[from + ow];
                }
                j += run;
            }
        }
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
