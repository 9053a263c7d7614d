package org.regionwise.autodiff.cpu;

import java.util.Arrays;

/**
 * The micro-kernels in plain Java, for JVMs without the Vector API. The innermost loop runs over the 32
 * tile columns with unit stride, which C2's auto-vectoriser can turn into SIMD on its own. It multiplies and
 * adds separately (Java does not fuse them), so its bits differ from the vector kernels' fused chains, within
 * float rounding; {@link FmaMicroKernel} is their bit-exact twin.
 */
final class ScalarMicroKernel implements MicroKernel {
    private static final TileShape SHAPE = new TileShape(8, 32, 12, 32);
    private static final int MR = SHAPE.mr(), NR = SHAPE.nr(), WR = SHAPE.wr(), WN = SHAPE.wn();

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public TileShape shape() {
        return SHAPE;
    }

    @Override
    public void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                               float[] tile, int tileOff, boolean accumulate) {
        if (!accumulate) Arrays.fill(tile, tileOff, tileOff + MR * NR, 0f);
        for (int kk = 0; kk < kc; kk++) {
            int b = rowOff[row0 + kk] + q0;
            int ai = aOff + kk * MR;
            for (int i = 0; i < MR; i++) {
                float av = a[ai + i];
                int t = tileOff + i * NR;
                for (int j = 0; j < NR; j++) tile[t + j] += av * src[b + j];
            }
        }
    }

    @Override
    public void rowsTimesPanel(float[] src, int[] rowOff, int row0, int q0, int kc, float[] b, int bOff, float[] acc, int accOff) {
        for (int i = 0; i < WR; i++) {
            int s = rowOff[row0 + i] + q0;
            int t = accOff + i * WN;
            for (int kk = 0; kk < kc; kk++) {
                float av = src[s + kk];
                int bi = bOff + kk * WN;
                for (int j = 0; j < WN; j++) acc[t + j] += av * b[bi + j];
            }
        }
    }
}
