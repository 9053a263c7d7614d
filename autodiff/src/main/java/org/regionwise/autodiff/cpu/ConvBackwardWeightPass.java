package org.regionwise.autodiff.cpu;

import java.util.Arrays;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * dw += weight gradient, dbias += bias gradient.
 *
 * <p>Computed transposed, dW^T (rows (c, r, s), columns k) = sum over images of im2col(x) dy^T, because
 * then the im2col rows are the broadcast operand and come straight from the shifted source along the
 * image, while dy^T, packed once per image into column panels of wn output channels, gives the vectors. (The other
 * orientation needs im2col transposed, a gather per element.) The bias gradient is the same product
 * with a row of ones, which the source appends, so it costs one extra row, not a separate pass.
 *
 * <p>Partial sums live in a blocked float accumulator (one wr x wn tile per row panel and column panel,
 * {@link TileShape}),
 * reduced over the image in KC-position blocks so the dy^T block being read stays in L1/L2. Threads split
 * by row panel: each owns its accumulator tiles, so nothing is reduced across threads.
 */
final class ConvBackwardWeightPass {
    /** Positions per reduction block: KC x wn floats of dy^T (8-16 KB) per column panel, in L1. */
    static int KC = Integer.getInteger("regionwise.conv.weightBlock", 128);

    private ConvBackwardWeightPass() {}

    /** What {@link #run} does for {@code g}, for per-shape reports. */
    static String algorithm(ConvGeometry g) {
        return "implicit GEMM, im2col x dy^T";
    }

    static void run(Workspace ws, ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        int rows = g.c() * g.r() * g.s();
        boolean withBias = dbias != null;
        TileShape shape = ws.shape;
        int wr = shape.wr();
        int wn = shape.wn();
        int weightTile = shape.weightTile();
        ShiftedSource src = ws.source;
        src.configure(g.c(), g.h(), g.w(), g.r(), g.s(), g.strideH(), g.strideW(), g.padH(), g.padW(),
                g.dilH(), g.dilW(), g.outH(), g.outW(), withBias);
        int rowPanels = (rows + (withBias ? 1 : 0) + wr - 1) / wr;
        int colPanels = (g.k() + wn - 1) / wn;
        float[] acc = ws.shared.floats(Scratch.ACCUMULATOR, rowPanels * colPanels * weightTile);
        Arrays.fill(acc, 0, rowPanels * colPanels * weightTile, 0f);
        int span = src.tiles() * shape.nr();
        float[] dyT = ws.shared.floats(Scratch.PANEL_B, colPanels * span * wn);
        int imageIn = g.c() * g.h() * g.w();
        int imageDy = g.k() * g.outH() * g.outW();
        int groups = ws.groups(rowPanels, 1);
        float[] data = src.data();
        int[] rowOff = src.rowOffsets();
        for (int n = 0; n < g.n(); n++) {
            src.fill(x, n * imageIn, ws.pool);
            packTransposed(ws, g, dy, n * imageDy, src.pitch(), span, wn, colPanels, dyT);
            ws.pool.run(groups, (group, worker) -> {
                int p0 = group * rowPanels / groups;
                int p1 = (group + 1) * rowPanels / groups;
                for (int q0 = 0; q0 < span; q0 += KC) {
                    int kc = Math.min(KC, span - q0);
                    for (int p = p0; p < p1; p++) {
                        for (int cp = 0; cp < colPanels; cp++) {
                            ws.kernel.rowsTimesPanel(data, rowOff, p * wr, q0, kc, dyT, (cp * span + q0) * wn,
                                    acc, (p * colPanels + cp) * weightTile);
                        }
                    }
                }
            });
        }
        ws.pool.run(g.k(), (k, worker) -> {
            int cp = k / wn;
            int j = k % wn;
            for (int row = 0; row < rows; row++) {
                dw[k * rows + row] += acc[((row / wr) * colPanels + cp) * weightTile + (row % wr) * wn + j];
            }
            if (withBias) dbias[k] += acc[((rows / wr) * colPanels + cp) * weightTile + (rows % wr) * wn + j];
        });
    }

    /**
     * dyT[cp][q][j] = dy[k = cp*wn + j][oh][ow] at position q = oh * pitch + ow of the source, zero at junk
     * positions (ow >= outW, or past the last row) and for k >= K, so junk source values add nothing.
     */
    private static void packTransposed(Workspace ws, ConvGeometry g, float[] dy, int dyOff, int pitch, int span,
                                       int wn, int colPanels, float[] dyT) {
        int bands = (span + pitch - 1) / pitch;
        int positions = g.outH() * g.outW();
        ws.pool.run(colPanels * bands, (task, worker) -> {
            int cp = task / bands;
            int oh = task % bands;
            int kValid = Math.min(wn, g.k() - cp * wn);
            int qEnd = Math.min(span, (oh + 1) * pitch);
            for (int q = oh * pitch; q < qEnd; q++) {
                int ow = q - oh * pitch;
                int dst = (cp * span + q) * wn;
                if (oh >= g.outH() || ow >= g.outW()) {
                    Arrays.fill(dyT, dst, dst + wn, 0f);
                    continue;
                }
                int srcPos = dyOff + cp * wn * positions + oh * g.outW() + ow;
                for (int j = 0; j < kValid; j++) dyT[dst + j] = dy[srcPos + j * positions];
                if (kValid < wn) Arrays.fill(dyT, dst + kValid, dst + wn, 0f);
            }
        });
    }
}
