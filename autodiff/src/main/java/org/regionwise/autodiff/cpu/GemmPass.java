package org.regionwise.autodiff.cpu;

import static org.regionwise.autodiff.cpu.MicroKernel.MR;
import static org.regionwise.autodiff.cpu.MicroKernel.NR;
import static org.regionwise.autodiff.cpu.MicroKernel.TILE;

import java.util.Arrays;

/**
 * C = alpha * op(A) op(B) + beta * C on the micro-kernel. op(A) is packed once into MR-row panels over
 * the whole depth; op(B) is copied block by block (BLOCK_COLS columns, full depth) into a per-worker
 * row-major buffer padded to whole tiles, whose rows are the kernel's source rows. A task is one column
 * block times a group of panels, so both wide (conv-like) and tall products split over threads.
 */
final class GemmPass {
    /** Columns per B block: depth x 256 floats stay in L2 (1 MB here) for depths up to ~1000. */
    static final int BLOCK_COLS = 256;

    private GemmPass() {}

    static void run(Workspace ws, boolean transA, boolean transB, int m, int n, int k, float alpha,
                    float[] a, int offA, int lda, float[] b, int offB, int ldb,
                    float beta, float[] c, int offC, int ldc) {
        if (m <= 0 || n <= 0) return;
        if (k <= 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    int ci = offC + i * ldc + j;
                    c[ci] = beta == 0f ? 0f : beta * c[ci];
                }
            }
            return;
        }
        int panels = Panels.count(m);
        float[] packedA = ws.shared.floats(Scratch.PANEL_A, panels * k * MR);
        Panels.packMatrix(transA, a, offA, lda, m, k, packedA, ws.pool);
        int colBlocks = (n + BLOCK_COLS - 1) / BLOCK_COLS;
        int panelGroups = ws.groups(panels, colBlocks);
        ws.pool.run(colBlocks * panelGroups, (task, worker) -> {
            int block = task / panelGroups;
            int group = task % panelGroups;
            int p0 = group * panels / panelGroups;
            int p1 = (group + 1) * panels / panelGroups;
            int j0 = block * BLOCK_COLS;
            int cols = Math.min(BLOCK_COLS, n - j0);
            int width = ShiftedSource.roundUp(cols, NR);
            Scratch s = ws.worker(worker);
            float[] bBlock = s.floats(Scratch.PANEL_B, k * width);
            int[] rowOff = s.ints(Scratch.PANEL_B, k);
            packB(transB, b, offB, ldb, k, j0, cols, width, bBlock, rowOff);
            float[] tile = s.floats(Scratch.TILE, TILE);
            for (int q0 = 0; q0 < width; q0 += NR) {
                int validCols = Math.min(NR, cols - q0);
                for (int p = p0; p < p1; p++) {
                    ws.kernel.panelTimesRows(packedA, p * k * MR, bBlock, rowOff, 0, q0, k, tile);
                    int validRows = Math.min(MR, m - p * MR);
                    store(tile, validRows, validCols, alpha, beta, c, offC + p * MR * ldc + j0 + q0, ldc);
                }
            }
        });
    }

    /** Rows kk of op(B), columns j0 .. j0+cols, into rows of {@code width} floats, zero-padded. */
    private static void packB(boolean transB, float[] b, int offB, int ldb, int k, int j0, int cols, int width,
                              float[] dst, int[] rowOff) {
        for (int kk = 0; kk < k; kk++) {
            rowOff[kk] = kk * width;
            if (!transB) System.arraycopy(b, offB + kk * ldb + j0, dst, kk * width, cols);
            if (cols < width) Arrays.fill(dst, kk * width + cols, kk * width + width, 0f);
        }
        if (transB) {
            // B is stored n x k: read its rows contiguously, write our rows with a stride.
            for (int j = 0; j < cols; j++) {
                int src = offB + (j0 + j) * ldb;
                for (int kk = 0; kk < k; kk++) dst[kk * width + j] = b[src + kk];
            }
        }
    }

    private static void store(float[] tile, int rows, int cols, float alpha, float beta, float[] c, int base, int ldc) {
        for (int i = 0; i < rows; i++) {
            int ci = base + i * ldc;
            int t = i * NR;
            if (beta == 0f) {
                for (int j = 0; j < cols; j++) c[ci + j] = alpha * tile[t + j];
            } else {
                for (int j = 0; j < cols; j++) c[ci + j] = alpha * tile[t + j] + beta * c[ci + j];
            }
        }
    }
}
