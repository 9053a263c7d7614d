package org.regionwise.autodiff.cpu;

import static org.regionwise.autodiff.cpu.MicroKernel.MR;
import static org.regionwise.autodiff.cpu.MicroKernel.NR;
import static org.regionwise.autodiff.cpu.MicroKernel.TILE;

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
 */
final class ConvBackwardDataPass {
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
        float[] packed = ws.shared.floats(Scratch.PANEL_A, Panels.count(g.c()) * depth * MR);
        Panels.packFlippedWeights(g, w, packed, ws.pool);
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
        int panels = Panels.count(rows);
        float[] packed = ws.shared.floats(Scratch.PANEL_A, panels * g.k() * MR);
        // op(A) = W^T: rows (c, r, s), depth k.
        Panels.packMatrix(true, w, 0, rows, rows, g.k(), packed, ws.pool);
        ShiftedSource src = ws.source;
        // dy read as a plain matrix: row k is channel k, positions q = oh * outW + ow, no padding.
        src.configure(g.k(), g.outH(), g.outW(), 1, 1, 1, 1, 0, 0, 1, 1, g.outH(), g.outW(), false);
        int unit = lcm(MR, rs) / MR; // panels per channel-aligned group
        int groups = (panels + unit - 1) / unit;
        int imageDy = g.k() * g.outH() * g.outW();
        int imageDx = g.c() * g.h() * g.w();
        float[] data = src.data();
        int[] rowOff = src.rowOffsets();
        for (int n = 0; n < g.n(); n++) {
            src.fill(dy, n * imageDy, ws.pool);
            int dxOff = n * imageDx;
            ws.pool.run(groups, (group, worker) -> {
                float[] tile = ws.worker(worker).floats(Scratch.TILE, TILE);
                int p1 = Math.min(panels, (group + 1) * unit);
                for (int t = 0; t < src.tiles(); t++) {
                    for (int p = group * unit; p < p1; p++) {
                        ws.kernel.panelTimesRows(packed, p * g.k() * MR, data, rowOff, 0, t * NR, g.k(), tile, 0, false);
                        scatterTile(g, tile, p * MR, Math.min(MR, rows - p * MR), t * NR, dx, dxOff);
                    }
                }
            });
        }
    }

    /**
     * dx += the tile, row (c, r, s) by row. The tile's 32 columns are consecutive output positions, which
     * cover a few runs along output rows; each run lands on one input row at a fixed stride, so the
     * bounds are worked out once per run and the inner loop is a plain strided add.
     */
    private static void scatterTile(ConvGeometry g, float[] tile, int row0, int rows, int q0, float[] dx, int dxOff) {
        int positions = g.outH() * g.outW();
        int columns = Math.min(NR, positions - q0);
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
            int t = i * NR;
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
