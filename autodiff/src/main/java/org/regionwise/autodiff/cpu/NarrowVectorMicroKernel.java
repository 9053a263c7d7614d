package org.regionwise.autodiff.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernels for CPUs whose widest vectors are narrower than 512 bits (AVX2: 8 floats, 16 ymm
 * registers). {@link VectorMicroKernel} names {@code SPECIES_512}; on such a CPU C2 has no instructions for
 * it, so every one of its vectors becomes a heap object and a convolution runs at a fraction of a GFLOP/s.
 * This one uses the CPU's preferred species and walks the tile's {@link #NR} columns in blocks of one vector:
 * per block, one accumulator per tile row (8, or 12 for the weight gradient), one operand vector and one
 * broadcast, which fit in 16 registers. The panel is re-read once per block, from L1.
 *
 * <p>Each output element still sums its {@code kc} products in order with one fused multiply-add per step,
 * exactly as {@link VectorMicroKernel} does, so both give the same bits (a test holds them to it).
 */
final class NarrowVectorMicroKernel implements MicroKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    NarrowVectorMicroKernel() {
        if (NR % L != 0 || L > NR) throw new IllegalStateException(NR + " tile columns are not a multiple of " + L + "-float vectors");
    }

    /** Whether the CPU's widest float vector is narrower than {@link VectorMicroKernel}'s 512 bits. */
    static boolean needed() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() < 512;
    }

    @Override
    public String name() {
        return "vector-" + F.vectorBitSize();
    }

    @Override
    public void panelTimesRows(float[] a, int aOff, float[] src, int[] rowOff, int row0, int q0, int kc,
                               float[] tile, int tileOff, boolean accumulate) {
        for (int j = 0; j < NR; j += L) {
            int t = tileOff + j;
            FloatVector c0 = accumulate ? FloatVector.fromArray(F, tile, t) : FloatVector.zero(F);
            FloatVector c1 = accumulate ? FloatVector.fromArray(F, tile, t + NR) : FloatVector.zero(F);
            FloatVector c2 = accumulate ? FloatVector.fromArray(F, tile, t + 2 * NR) : FloatVector.zero(F);
            FloatVector c3 = accumulate ? FloatVector.fromArray(F, tile, t + 3 * NR) : FloatVector.zero(F);
            FloatVector c4 = accumulate ? FloatVector.fromArray(F, tile, t + 4 * NR) : FloatVector.zero(F);
            FloatVector c5 = accumulate ? FloatVector.fromArray(F, tile, t + 5 * NR) : FloatVector.zero(F);
            FloatVector c6 = accumulate ? FloatVector.fromArray(F, tile, t + 6 * NR) : FloatVector.zero(F);
            FloatVector c7 = accumulate ? FloatVector.fromArray(F, tile, t + 7 * NR) : FloatVector.zero(F);
            int ai = aOff;
            for (int kk = 0; kk < kc; kk++, ai += MR) {
                FloatVector b = FloatVector.fromArray(F, src, rowOff[row0 + kk] + q0 + j);
                c0 = FloatVector.broadcast(F, a[ai]).fma(b, c0);
                c1 = FloatVector.broadcast(F, a[ai + 1]).fma(b, c1);
                c2 = FloatVector.broadcast(F, a[ai + 2]).fma(b, c2);
                c3 = FloatVector.broadcast(F, a[ai + 3]).fma(b, c3);
                c4 = FloatVector.broadcast(F, a[ai + 4]).fma(b, c4);
                c5 = FloatVector.broadcast(F, a[ai + 5]).fma(b, c5);
                c6 = FloatVector.broadcast(F, a[ai + 6]).fma(b, c6);
                c7 = FloatVector.broadcast(F, a[ai + 7]).fma(b, c7);
            }
            c0.intoArray(tile, t);
            c1.intoArray(tile, t + NR);
            c2.intoArray(tile, t + 2 * NR);
            c3.intoArray(tile, t + 3 * NR);
            c4.intoArray(tile, t + 4 * NR);
            c5.intoArray(tile, t + 5 * NR);
            c6.intoArray(tile, t + 6 * NR);
            c7.intoArray(tile, t + 7 * NR);
        }
    }

    @Override
    public void rowsTimesPanel(float[] src, int[] rowOff, int row0, int q0, int kc, float[] b, int bOff, float[] acc, int accOff) {
        int s0 = rowOff[row0] + q0, s1 = rowOff[row0 + 1] + q0, s2 = rowOff[row0 + 2] + q0, s3 = rowOff[row0 + 3] + q0;
        int s4 = rowOff[row0 + 4] + q0, s5 = rowOff[row0 + 5] + q0, s6 = rowOff[row0 + 6] + q0, s7 = rowOff[row0 + 7] + q0;
        int s8 = rowOff[row0 + 8] + q0, s9 = rowOff[row0 + 9] + q0, s10 = rowOff[row0 + 10] + q0, s11 = rowOff[row0 + 11] + q0;
        for (int j = 0; j < NR; j += L) {
            int t = accOff + j;
            FloatVector c0 = FloatVector.fromArray(F, acc, t), c1 = FloatVector.fromArray(F, acc, t + NR);
            FloatVector c2 = FloatVector.fromArray(F, acc, t + 2 * NR), c3 = FloatVector.fromArray(F, acc, t + 3 * NR);
            FloatVector c4 = FloatVector.fromArray(F, acc, t + 4 * NR), c5 = FloatVector.fromArray(F, acc, t + 5 * NR);
            FloatVector c6 = FloatVector.fromArray(F, acc, t + 6 * NR), c7 = FloatVector.fromArray(F, acc, t + 7 * NR);
            FloatVector c8 = FloatVector.fromArray(F, acc, t + 8 * NR), c9 = FloatVector.fromArray(F, acc, t + 9 * NR);
            FloatVector c10 = FloatVector.fromArray(F, acc, t + 10 * NR), c11 = FloatVector.fromArray(F, acc, t + 11 * NR);
            int bi = bOff + j;
            for (int kk = 0; kk < kc; kk++, bi += NR) {
                FloatVector v = FloatVector.fromArray(F, b, bi);
                c0 = FloatVector.broadcast(F, src[s0 + kk]).fma(v, c0);
                c1 = FloatVector.broadcast(F, src[s1 + kk]).fma(v, c1);
                c2 = FloatVector.broadcast(F, src[s2 + kk]).fma(v, c2);
                c3 = FloatVector.broadcast(F, src[s3 + kk]).fma(v, c3);
                c4 = FloatVector.broadcast(F, src[s4 + kk]).fma(v, c4);
                c5 = FloatVector.broadcast(F, src[s5 + kk]).fma(v, c5);
                c6 = FloatVector.broadcast(F, src[s6 + kk]).fma(v, c6);
                c7 = FloatVector.broadcast(F, src[s7 + kk]).fma(v, c7);
                c8 = FloatVector.broadcast(F, src[s8 + kk]).fma(v, c8);
                c9 = FloatVector.broadcast(F, src[s9 + kk]).fma(v, c9);
                c10 = FloatVector.broadcast(F, src[s10 + kk]).fma(v, c10);
                c11 = FloatVector.broadcast(F, src[s11 + kk]).fma(v, c11);
            }
            c0.intoArray(acc, t);
            c1.intoArray(acc, t + NR);
            c2.intoArray(acc, t + 2 * NR);
            c3.intoArray(acc, t + 3 * NR);
            c4.intoArray(acc, t + 4 * NR);
            c5.intoArray(acc, t + 5 * NR);
            c6.intoArray(acc, t + 6 * NR);
            c7.intoArray(acc, t + 7 * NR);
            c8.intoArray(acc, t + 8 * NR);
            c9.intoArray(acc, t + 9 * NR);
            c10.intoArray(acc, t + 10 * NR);
            c11.intoArray(acc, t + 11 * NR);
        }
    }
}
