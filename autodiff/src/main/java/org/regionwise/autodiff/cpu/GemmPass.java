package org.regionwise.autodiff.cpu;

import java.util.Arrays;

/**
 * C = alpha * op(A) op(B) + beta * C on the micro-kernel. op(A) is packed once into panels of mr rows over
 * the whole depth; op(B) is copied block by block (about BLOCK_COLS columns, full depth) into per-worker
 * panels nr wide ({@link TileShape}; depth x nr floats each, zero-padded), so the kernel reads B strictly sequentially. (A
 * row-major block with a 1 KB row pitch instead maps its rows onto a few cache sets and thrashed L1 and
 * L2: 4x slower at depth 576.) A task is one column block times a group of panels, so both wide
 * (conv-like) and tall products split over threads.
 */
final class GemmPass {
    /** Columns per B block (rounded down to whole panels): depth x 256 floats stay in L2 for depths up to ~1000. */
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
        TileShape shape = ws.shape;
        int mr = shape.mr();
        int nr = shape.nr();
        int blockCols = Math.max(nr, BLOCK_COLS / nr * nr);
        int panels = shape.panels(m);
        float[] packedA = ws.shared.floats(Scratch.PANEL_A, panels * k * mr);
        Panels.packMatrix(mr, transA, a, offA, lda, m, k, packedA, ws.pool);
        int colBlocks = (n + blockCols - 1) / blockCols;
        int panelGroups = ws.groups(panels, colBlocks);
        ws.pool.run(colBlocks * panelGroups, (task, worker) -> {
            int block = task / panelGroups;
            int group = task % panelGroups;
            int p0 = group * panels / panelGroups;
            int p1 = (group + 1) * panels / panelGroups;
            int j0 = block * blockCols;
            int cols = Math.min(blockCols, n - j0);
            int width = ShiftedSource.roundUp(cols, nr);
            Scratch s = ws.worker(worker);
            int kcMax = depthBlock(k);
            float[] bBlock = s.floats(Scratch.PANEL_B, kcMax * width);
            int[] rowOff = s.ints(Scratch.PANEL_B, kcMax);
            float[] tile = s.floats(Scratch.TILE, shape.tile());
            for (int k0 = 0; k0 < k; k0 += kcMax) {
                int kc = Math.min(kcMax, k - k0);
                packB(nr, transB, b, offB, ldb, k0, kc, j0, cols, bBlock);
                for (int kk = 0; kk < kc; kk++) rowOff[kk] = kk * nr;
                // The first depth block applies beta; later ones add to what it wrote.
                float blockBeta = k0 == 0 ? beta : 1f;
                for (int q0 = 0; q0 < width; q0 += nr) {
                    int validCols = Math.min(nr, cols - q0);
                    for (int p = p0; p < p1; p++) {
                        // Panel q0 / nr starts at q0 * kc: the kernel's position offset selects it.
                        ws.kernel.panelTimesRows(packedA, (p * k + k0) * mr, bBlock, rowOff, 0, q0 * kc, kc, tile, 0, false);
                        int validRows = Math.min(mr, m - p * mr);
                        store(tile, nr, validRows, validCols, alpha, blockBeta, c, offC + p * mr * ldc + j0 + q0, ldc);
                    }
                }
            }
        });
    }

    /**
     * Depth per block: at most 256, split evenly (576 -> 3 x 192). A B panel of kc x nr floats (24-32 KB at nr = 32)
     * then stays in L1 while every A panel of the task passes over it.
     */
    static int depthBlock(int k) {
        int blocks = (k + 255) / 256;
        return (k + blocks - 1) / blocks;
    }

    /**
     * Rows k0 .. k0+kc, columns j0 .. j0+cols of op(B) into nr-wide panels: element (kk, j) at
     * (j / nr) * kc * nr + kk * nr + j % nr, zero-padded past the last column.
     */
    private static void packB(int nr, boolean transB, float[] b, int offB, int ldb, int k0, int k, int j0, int cols, float[] dst) {
        if (!transB) {
            // Row by row: B's rows may be far apart (a 131072-wide B has a 512 KB row pitch, so all rows
            // share cache sets); reading each row's segment in one go keeps the DRAM stream sequential.
            for (int kk = 0; kk < k; kk++) {
                int src = offB + (k0 + kk) * ldb + j0;
                for (int q0 = 0; q0 < cols; q0 += nr) {
                    int d = q0 * k + kk * nr;
                    int w = Math.min(nr, cols - q0);
                    System.arraycopy(b, src + q0, dst, d, w);
                    if (w < nr) Arrays.fill(dst, d + w, d + nr, 0f);
                }
            }
            return;
        }
        for (int q0 = 0; q0 < cols; q0 += nr) {
            int panel = q0 * k;
            int w = Math.min(nr, cols - q0);
            // B is stored n x k: read its rows contiguously, write panel columns.
            for (int j = 0; j < w; j++) {
                int src = offB + (j0 + q0 + j) * ldb + k0;
                for (int kk = 0; kk < k; kk++) dst[panel + kk * nr + j] = b[src + kk];
            }
            for (int kk = 0; w < nr && kk < k; kk++) Arrays.fill(dst, panel + kk * nr + w, panel + kk * nr + nr, 0f);
        }
    }

    private static void store(float[] tile, int nr, int rows, int cols, float alpha, float beta, float[] c, int base, int ldc) {
        for (int i = 0; i < rows; i++) {
            int ci = base + i * ldc;
            int t = i * nr;
            if (beta == 0f) {
                for (int j = 0; j < cols; j++) c[ci + j] = alpha * tile[t + j];
            } else {
                for (int j = 0; j < cols; j++) c[ci + j] = alpha * tile[t + j] + beta * c[ci + j];
            }
        }
    }
}
