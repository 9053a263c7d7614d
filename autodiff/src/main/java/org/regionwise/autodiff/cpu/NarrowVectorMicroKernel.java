package org.regionwise.autodiff.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernels for CPUs whose widest vectors are narrower than 512 bits (AVX2: 8 floats, 16 ymm
 * registers). {@link VectorMicroKernel} names {@code SPECIES_512}; on such a CPU C2 has no instructions for
 * it, so every one of its vectors becomes a heap object and a convolution runs at a fraction of a GFLOP/s.
 * This one uses the CPU's preferred species (L floats) and tiles for 16 registers:
 * <ul>
 *   <li>{@link #panelTimesRows}: 4 rows x 3 vectors (4 x 24 with AVX2) = 12 accumulators, 3 operand vectors
 *       and a broadcast: 16 registers. Each step loads 3 vectors and 4 scalars for 12 FMAs (an 8 x 8 tile
 *       walked one vector at a time needs 9 loads for 8), and 12 independent chains cover two FMA pipes of
 *       5-cycle latency. 4 rows divide every channel count of the U-Net, the 4-class head included.</li>
 *   <li>{@link #rowsTimesPanel}: 6 rows x 2 vectors (6 x 16) = 12 accumulators, 2 operand vectors and a
 *       broadcast; 8 loads per 12 FMAs. 16 columns (output channels) divide 32 ... 512 exactly, where 24
 *       would waste a third of every tile at 32 channels.</li>
 * </ul>
 * The 12 accumulators are spelled out as locals, for the reason given in {@link VectorMicroKernel}.
 *
 * <p>Each output element still sums its {@code kc} products in order with one fused multiply-add per step,
 * exactly as {@link VectorMicroKernel} does, so both give the same bits as their reference twin
 * {@link FmaMicroKernel} (the property tests hold them to it), whatever the tile shape.
 */
final class NarrowVectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final int MR = 4, NR = 3 * L;
    private static final int WR = 6, WN = 2 * L;
    private static final TileShape SHAPE = new TileShape(MR, NR, WR, WN);

    /** Whether the CPU's widest float vector is narrower than {@link VectorMicroKernel}'s 512 bits. */
    static boolean needed() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() < 512;
    }

    @Override
    public String name() {
        return "vector-" + F.vectorBitSize();
    }

    @Override
    public TileShape shape() {
        return SHAPE;
    }

    @Override
    public void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                               float[] tile, int tileOff, boolean accumulate) {
        int t0 = tileOff, t1 = tileOff + NR, t2 = tileOff + 2 * NR, t3 = tileOff + 3 * NR;
        FloatVector c00 = accumulate ? FloatVector.fromArray(F, tile, t0) : FloatVector.zero(F);
        FloatVector c01 = accumulate ? FloatVector.fromArray(F, tile, t0 + L) : FloatVector.zero(F);
        FloatVector c02 = accumulate ? FloatVector.fromArray(F, tile, t0 + 2 * L) : FloatVector.zero(F);
        FloatVector c10 = accumulate ? FloatVector.fromArray(F, tile, t1) : FloatVector.zero(F);
        FloatVector c11 = accumulate ? FloatVector.fromArray(F, tile, t1 + L) : FloatVector.zero(F);
        FloatVector c12 = accumulate ? FloatVector.fromArray(F, tile, t1 + 2 * L) : FloatVector.zero(F);
        FloatVector c20 = accumulate ? FloatVector.fromArray(F, tile, t2) : FloatVector.zero(F);
        FloatVector c21 = accumulate ? FloatVector.fromArray(F, tile, t2 + L) : FloatVector.zero(F);
        FloatVector c22 = accumulate ? FloatVector.fromArray(F, tile, t2 + 2 * L) : FloatVector.zero(F);
        FloatVector c30 = accumulate ? FloatVector.fromArray(F, tile, t3) : FloatVector.zero(F);
        FloatVector c31 = accumulate ? FloatVector.fromArray(F, tile, t3 + L) : FloatVector.zero(F);
        FloatVector c32 = accumulate ? FloatVector.fromArray(F, tile, t3 + 2 * L) : FloatVector.zero(F);
        int ai = aOff;
        for (int kk = 0; kk < kc; kk++, ai += MR) {
            int b = rowOff[row0 + kk] + q0;
            FloatVector b0 = FloatVector.fromArray(F, src, b);
            FloatVector b1 = FloatVector.fromArray(F, src, b + L);
            FloatVector b2 = FloatVector.fromArray(F, src, b + 2 * L);
            FloatVector x;
            x = FloatVector.broadcast(F, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        c00.intoArray(tile, t0);
        c01.intoArray(tile, t0 + L);
        c02.intoArray(tile, t0 + 2 * L);
        c10.intoArray(tile, t1);
        c11.intoArray(tile, t1 + L);
        c12.intoArray(tile, t1 + 2 * L);
        c20.intoArray(tile, t2);
        c21.intoArray(tile, t2 + L);
        c22.intoArray(tile, t2 + 2 * L);
        c30.intoArray(tile, t3);
        c31.intoArray(tile, t3 + L);
        c32.intoArray(tile, t3 + 2 * L);
    }

    @Override
    public void rowsTimesPanel(float[] src, int[] rowOff, int row0, int q0, int kc, float[] b, int bOff, float[] acc, int accOff) {
        int s0 = rowOff[row0] + q0, s1 = rowOff[row0 + 1] + q0, s2 = rowOff[row0 + 2] + q0;
        int s3 = rowOff[row0 + 3] + q0, s4 = rowOff[row0 + 4] + q0, s5 = rowOff[row0 + 5] + q0;
        FloatVector c00 = FloatVector.fromArray(F, acc, accOff), c01 = FloatVector.fromArray(F, acc, accOff + L);
        FloatVector c10 = FloatVector.fromArray(F, acc, accOff + WN), c11 = FloatVector.fromArray(F, acc, accOff + WN + L);
        FloatVector c20 = FloatVector.fromArray(F, acc, accOff + 2 * WN), c21 = FloatVector.fromArray(F, acc, accOff + 2 * WN + L);
        FloatVector c30 = FloatVector.fromArray(F, acc, accOff + 3 * WN), c31 = FloatVector.fromArray(F, acc, accOff + 3 * WN + L);
        FloatVector c40 = FloatVector.fromArray(F, acc, accOff + 4 * WN), c41 = FloatVector.fromArray(F, acc, accOff + 4 * WN + L);
        FloatVector c50 = FloatVector.fromArray(F, acc, accOff + 5 * WN), c51 = FloatVector.fromArray(F, acc, accOff + 5 * WN + L);
        int bi = bOff;
        for (int kk = 0; kk < kc; kk++, bi += WN) {
            FloatVector v0 = FloatVector.fromArray(F, b, bi);
            FloatVector v1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x;
            x = FloatVector.broadcast(F, src[s0 + kk]);
            c00 = x.fma(v0, c00);
            c01 = x.fma(v1, c01);
            x = FloatVector.broadcast(F, src[s1 + kk]);
            c10 = x.fma(v0, c10);
            c11 = x.fma(v1, c11);
            x = FloatVector.broadcast(F, src[s2 + kk]);
            c20 = x.fma(v0, c20);
            c21 = x.fma(v1, c21);
            x = FloatVector.broadcast(F, src[s3 + kk]);
            c30 = x.fma(v0, c30);
            c31 = x.fma(v1, c31);
            x = FloatVector.broadcast(F, src[s4 + kk]);
            c40 = x.fma(v0, c40);
            c41 = x.fma(v1, c41);
            x = FloatVector.broadcast(F, src[s5 + kk]);
            c50 = x.fma(v0, c50);
            c51 = x.fma(v1, c51);
        }
        c00.intoArray(acc, accOff);
        c01.intoArray(acc, accOff + L);
        c10.intoArray(acc, accOff + WN);
        c11.intoArray(acc, accOff + WN + L);
        c20.intoArray(acc, accOff + 2 * WN);
        c21.intoArray(acc, accOff + 2 * WN + L);
        c30.intoArray(acc, accOff + 3 * WN);
        c31.intoArray(acc, accOff + 3 * WN + L);
        c40.intoArray(acc, accOff + 4 * WN);
        c41.intoArray(acc, accOff + 4 * WN + L);
        c50.intoArray(acc, accOff + 5 * WN);
        c51.intoArray(acc, accOff + 5 * WN + L);
    }
}
