package org.regionwise.autodiff.cpu;

import java.util.Arrays;

/**
 * The micro-kernels in plain Java, for JVMs without the Vector API. The innermost loop runs over the 32
 * tile columns with unit stride, which C2's auto-vectoriser can turn into SIMD on its own.
 */
final class ScalarMicroKernel implements MicroKernel {

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                               float[] tile, int tileOff, boolean accumulate) {
        if (!accumulate) Arrays.fill(tile, tileOff, tileOff + TILE, 0f);
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
            int t = accOff + i * NR;
            for (int kk = 0; kk < kc; kk++) {
                float av = src[s + kk];
                int bi = bOff + kk * NR;
                for (int j = 0; j < NR; j++) acc[t + j] += av * b[bi + j];
            }
        }
    }
}
