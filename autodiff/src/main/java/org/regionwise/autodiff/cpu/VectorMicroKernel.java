package org.regionwise.autodiff.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernels on AVX-512 through the Vector API. Every vector lives in a local of the one method
 * that uses it: a vector passed to a helper that C2 declines to inline is boxed on the heap, about ten
 * times slower, so the 16 accumulators are spelled out rather than kept in an array or loop.
 *
 * <p>Reference twin: {@link FmaMicroKernel} (the same FMA chains in plain loops; same bits).
 *
 * <p>Only {@link FastKernels#best()} touches this class, and only after checking that the incubator
 * module is resolved, so a JVM without it never loads it.
 */
final class VectorMicroKernel implements MicroKernel {
    /** 16 floats. */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_512;
    /**
     * 8 x 32: 8 rows x 2 vectors = 16 accumulators, enough independent FMA chains to cover two FMA pipes at
     * 4-cycle latency, while 2 operand vectors and a broadcast leave registers free (32 zmm); each step loads
     * 2 vectors and 8 scalars for 16 FMAs. 8 rows also divide the channel counts of nnU-Net (32, 64, ..., 512).
     * Weight gradient 12 x 32: 24 accumulators, each step's 2 vector loads and 12 broadcasts feeding 24 FMAs.
     */
    private static final TileShape SHAPE = new TileShape(8, 32, 12, 32);
    private static final int MR = 8, NR = 32;

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public TileShape shape() {
        return SHAPE;
    }

    @Override
    public void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                               float[] tile, int tileOff, boolean accumulate) {
        FloatVector c00 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 0) : FloatVector.zero(F);
        FloatVector c01 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 16) : FloatVector.zero(F);
        FloatVector c10 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 32) : FloatVector.zero(F);
        FloatVector c11 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 48) : FloatVector.zero(F);
        FloatVector c20 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 64) : FloatVector.zero(F);
        FloatVector c21 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 80) : FloatVector.zero(F);
        FloatVector c30 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 96) : FloatVector.zero(F);
        FloatVector c31 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 112) : FloatVector.zero(F);
        FloatVector c40 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 128) : FloatVector.zero(F);
        FloatVector c41 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 144) : FloatVector.zero(F);
        FloatVector c50 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 160) : FloatVector.zero(F);
        FloatVector c51 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 176) : FloatVector.zero(F);
        FloatVector c60 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 192) : FloatVector.zero(F);
        FloatVector c61 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 208) : FloatVector.zero(F);
        FloatVector c70 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 224) : FloatVector.zero(F);
        FloatVector c71 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 240) : FloatVector.zero(F);
        int ai = aOff;
        // k innermost: the tile stays in registers for the whole reduction.
        for (int kk = 0; kk < kc; kk++, ai += MR) {
            int b = rowOff[row0 + kk] + q0;
            FloatVector b0 = FloatVector.fromArray(F, src, b);
            FloatVector b1 = FloatVector.fromArray(F, src, b + 16);
            FloatVector x;
            x = FloatVector.broadcast(F, a[ai + 0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(F, a[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(F, a[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(tile, tileOff + 0);
        c01.intoArray(tile, tileOff + 16);
        c10.intoArray(tile, tileOff + 32);
        c11.intoArray(tile, tileOff + 48);
        c20.intoArray(tile, tileOff + 64);
        c21.intoArray(tile, tileOff + 80);
        c30.intoArray(tile, tileOff + 96);
        c31.intoArray(tile, tileOff + 112);
        c40.intoArray(tile, tileOff + 128);
        c41.intoArray(tile, tileOff + 144);
        c50.intoArray(tile, tileOff + 160);
        c51.intoArray(tile, tileOff + 176);
        c60.intoArray(tile, tileOff + 192);
        c61.intoArray(tile, tileOff + 208);
        c70.intoArray(tile, tileOff + 224);
        c71.intoArray(tile, tileOff + 240);
    }

    @Override
    public void rowsTimesPanel(float[] src, int[] rowOff, int row0, int q0, int kc, float[] b, int bOff, float[] acc, int accOff) {
        // 12 rows: 24 accumulators (see SHAPE), spelled out for the reason in the class comment.
        FloatVector c00 = FloatVector.fromArray(F, acc, accOff + 0), c01 = FloatVector.fromArray(F, acc, accOff + 16);
        FloatVector c10 = FloatVector.fromArray(F, acc, accOff + 32), c11 = FloatVector.fromArray(F, acc, accOff + 48);
        FloatVector c20 = FloatVector.fromArray(F, acc, accOff + 64), c21 = FloatVector.fromArray(F, acc, accOff + 80);
        FloatVector c30 = FloatVector.fromArray(F, acc, accOff + 96), c31 = FloatVector.fromArray(F, acc, accOff + 112);
        FloatVector c40 = FloatVector.fromArray(F, acc, accOff + 128), c41 = FloatVector.fromArray(F, acc, accOff + 144);
        FloatVector c50 = FloatVector.fromArray(F, acc, accOff + 160), c51 = FloatVector.fromArray(F, acc, accOff + 176);
        FloatVector c60 = FloatVector.fromArray(F, acc, accOff + 192), c61 = FloatVector.fromArray(F, acc, accOff + 208);
        FloatVector c70 = FloatVector.fromArray(F, acc, accOff + 224), c71 = FloatVector.fromArray(F, acc, accOff + 240);
        FloatVector c80 = FloatVector.fromArray(F, acc, accOff + 256), c81 = FloatVector.fromArray(F, acc, accOff + 272);
        FloatVector c90 = FloatVector.fromArray(F, acc, accOff + 288), c91 = FloatVector.fromArray(F, acc, accOff + 304);
        FloatVector c100 = FloatVector.fromArray(F, acc, accOff + 320), c101 = FloatVector.fromArray(F, acc, accOff + 336);
        FloatVector c110 = FloatVector.fromArray(F, acc, accOff + 352), c111 = FloatVector.fromArray(F, acc, accOff + 368);
        int s0 = rowOff[row0 + 0] + q0;
        int s1 = rowOff[row0 + 1] + q0;
        int s2 = rowOff[row0 + 2] + q0;
        int s3 = rowOff[row0 + 3] + q0;
        int s4 = rowOff[row0 + 4] + q0;
        int s5 = rowOff[row0 + 5] + q0;
        int s6 = rowOff[row0 + 6] + q0;
        int s7 = rowOff[row0 + 7] + q0;
        int s8 = rowOff[row0 + 8] + q0;
        int s9 = rowOff[row0 + 9] + q0;
        int s10 = rowOff[row0 + 10] + q0;
        int s11 = rowOff[row0 + 11] + q0;
        int bi = bOff;
        for (int kk = 0; kk < kc; kk++, bi += NR) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + 16);
            FloatVector x;
            x = FloatVector.broadcast(F, src[s0 + kk]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, src[s1 + kk]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, src[s2 + kk]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, src[s3 + kk]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, src[s4 + kk]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, src[s5 + kk]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(F, src[s6 + kk]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(F, src[s7 + kk]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
            x = FloatVector.broadcast(F, src[s8 + kk]);
            c80 = x.fma(b0, c80);
            c81 = x.fma(b1, c81);
            x = FloatVector.broadcast(F, src[s9 + kk]);
            c90 = x.fma(b0, c90);
            c91 = x.fma(b1, c91);
            x = FloatVector.broadcast(F, src[s10 + kk]);
            c100 = x.fma(b0, c100);
            c101 = x.fma(b1, c101);
            x = FloatVector.broadcast(F, src[s11 + kk]);
            c110 = x.fma(b0, c110);
            c111 = x.fma(b1, c111);
        }
        c00.intoArray(acc, accOff + 0);
        c01.intoArray(acc, accOff + 16);
        c10.intoArray(acc, accOff + 32);
        c11.intoArray(acc, accOff + 48);
        c20.intoArray(acc, accOff + 64);
        c21.intoArray(acc, accOff + 80);
        c30.intoArray(acc, accOff + 96);
        c31.intoArray(acc, accOff + 112);
        c40.intoArray(acc, accOff + 128);
        c41.intoArray(acc, accOff + 144);
        c50.intoArray(acc, accOff + 160);
        c51.intoArray(acc, accOff + 176);
        c60.intoArray(acc, accOff + 192);
        c61.intoArray(acc, accOff + 208);
        c70.intoArray(acc, accOff + 224);
        c71.intoArray(acc, accOff + 240);
        c80.intoArray(acc, accOff + 256);
        c81.intoArray(acc, accOff + 272);
        c90.intoArray(acc, accOff + 288);
        c91.intoArray(acc, accOff + 304);
        c100.intoArray(acc, accOff + 320);
        c101.intoArray(acc, accOff + 336);
        c110.intoArray(acc, accOff + 352);
        c111.intoArray(acc, accOff + 368);
    }
}
