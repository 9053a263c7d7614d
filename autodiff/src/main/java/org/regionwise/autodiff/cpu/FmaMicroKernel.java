package org.regionwise.autodiff.cpu;

/**
 * The reference twin of the vector micro-kernels ({@link VectorMicroKernel}, {@link NarrowVectorMicroKernel}):
 * the same contract in plain loops, any tile shape, each output one {@link Math#fma} chain in step order.
 * The vector kernels must give exactly its bits, tile shape and vector width notwithstanding (the property
 * tests hold them to it), which is what keeps training bit-for-bit reproducible across the CPUs they pick.
 * Slow (one scalar FMA at a time): for tests, not for training.
 */
final class FmaMicroKernel implements MicroKernel {
    private final TileShape shape;

    FmaMicroKernel(TileShape shape) {
        this.shape = shape;
    }

    @Override
    public String name() {
        return "fma-reference";
    }

    @Override
    public TileShape shape() {
        return shape;
    }

    @Override
    public void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                               float[] tile, int tileOff, boolean accumulate) {
        int mr = shape.mr();
        int nr = shape.nr();
        for (int i = 0; i < mr; i++) {
            for (int j = 0; j < nr; j++) {
                int t = tileOff + i * nr + j;
                float c = accumulate ? tile[t] : 0f;
                for (int kk = 0; kk < kc; kk++) c = Math.fma(a[aOff + kk * mr + i], src[rowOff[row0 + kk] + q0 + j], c);
                tile[t] = c;
            }
        }
    }

    @Override
    public void rowsTimesPanel(float[] src, int[] rowOff, int row0, int q0, int kc, float[] b, int bOff, float[] acc, int accOff) {
        int wr = shape.wr();
        int wn = shape.wn();
        for (int i = 0; i < wr; i++) {
            for (int j = 0; j < wn; j++) {
                int t = accOff + i * wn + j;
                float c = acc[t];
                for (int kk = 0; kk < kc; kk++) c = Math.fma(src[rowOff[row0 + i] + q0 + kk], b[bOff + kk * wn + j], c);
                acc[t] = c;
            }
        }
    }
}
