package org.regionwise.autodiff.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernels for CPUs whose widest vectors are narrower than 512 bits (AVX2: 8 floats, 16 ymm
 * registers). {@link VectorMicroKernel} names {@code SPECIES_512}; on such a CPU C2 has no instructions for
 * it, so every one of its vectors becomes a heap object and a convolution runs at a fraction of a GFLOP/s.
 * This one uses the CPU's preferred species (L floats) and tiles for 16 registers: both kernels compute
 * 6 rows x 2 vectors (6 x 16 with AVX2) = 12 accumulators, with 2 operand vectors and a broadcast, 15
 * registers. Each step loads 2 vectors and 6 scalars for 12 FMAs (the 8 x 32 tile walked one vector at a
 * time needed 9 loads for 8 FMAs), and 12 independent chains cover two FMA pipes of 5-cycle latency.
 * Measured alone on L1-resident data (one Zen 2 core, 80 GFLOP/s peak): 6 x 16 ran at 48-60 GFLOP/s,
 * 4 x 24 (12 accumulators, 3 operand vectors: all 16 registers) at 38-39, the one-vector walk at 28-29.
 * 6 rows waste a little at 32 output channels (36 computed), less than the 4 x 24 tile lost in speed;
 * 16 columns divide the weight gradient's 32 ... 512 output channels exactly.
 * The 12 accumulators are spelled out as locals, for the reason given in {@link VectorMicroKernel}.
 *
 * <p>Each output element still sums its {@code kc} products in order with one fused multiply-add per step,
 * exactly as {@link VectorMicroKernel} does, so both give the same bits as their reference twin
 * {@link FmaMicroKernel} (the property tests hold them to it), whatever the tile shape.
 */
final class NarrowVectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();
    private static final int MR = 6, NR = 2 * L;
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
        FloatVector c00 = accumulate ? FloatVector.fromArray(F, tile, tileOff) : FloatVector.zero(F);
        FloatVector c01 = accumulate ? FloatVector.fromArray(F, tile, tileOff + L) : FloatVector.zero(F);
        FloatVector c10 = accumulate ? FloatVector.fromArray(F, tile, tileOff + NR) : FloatVector.zero(F);
        FloatVector c11 = accumulate ? FloatVector.fromArray(F, tile, tileOff + NR + L) : FloatVector.zero(F);
        FloatVector c20 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 2 * NR) : FloatVector.zero(F);
        FloatVector c21 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 2 * NR + L) : FloatVector.zero(F);
        FloatVector c30 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 3 * NR) : FloatVector.zero(F);
        FloatVector c31 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 3 * NR + L) : FloatVector.zero(F);
        FloatVector c40 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 4 * NR) : FloatVector.zero(F);
        FloatVector c41 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 4 * NR + L) : FloatVector.zero(F);
        FloatVector c50 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 5 * NR) : FloatVector.zero(F);
        FloatVector c51 = accumulate ? FloatVector.fromArray(F, tile, tileOff + 5 * NR + L) : FloatVector.zero(F);
        int ai = aOff;
        for (int kk = 0; kk < kc; kk++, ai += MR) {
            int b = rowOff[row0 + kk] + q0;
            FloatVector b0 = FloatVector.fromArray(F, src, b);
            FloatVector b1 = FloatVector.fromArray(F, src, b + L);
            FloatVector x;
            x = FloatVector.broadcast(F, a[ai]);
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
        }
        c00.intoArray(tile, tileOff);
        c01.intoArray(tile, tileOff + L);
        c10.intoArray(tile, tileOff + NR);
        c11.intoArray(tile, tileOff + NR + L);
        c20.intoArray(tile, tileOff + 2 * NR);
        c21.intoArray(tile, tileOff + 2 * NR + L);
        c30.intoArray(tile, tileOff + 3 * NR);
        c31.intoArray(tile, tileOff + 3 * NR + L);
        c40.intoArray(tile, tileOff + 4 * NR);
        c41.intoArray(tile, tileOff + 4 * NR + L);
        c50.intoArray(tile, tileOff + 5 * NR);
        c51.intoArray(tile, tileOff + 5 * NR + L);
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
