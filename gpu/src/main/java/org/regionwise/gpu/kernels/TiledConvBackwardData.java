package org.regionwise.gpu.kernels;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.Parallel;

/**
 * The backward-data pass of 2D convolution, register-tiled: each parallel iteration computes 4 input channels
 * x 3 input pixels of one row, strideW apart, in 12 local accumulators (7 loads per 12 FMAs, against 2 loads per
 * FMA in the direct loop). It is a gather, with no atomics: pixels of one residue class read neighbouring output
 * pixels at every tap, or none of them. Same operands, ints layout and semantics as
 * {@link ConvKernels#backwardData}, its reference twin (tests hold both against autodiff's
 * {@code ReferenceKernels}).
 *
 * <p>Tiles that overhang the tensor (channel counts not multiples of 4, rows that leave a partial tile) read a
 * valid neighbour and store only what exists, so no load leaves its tensor. The loop runs over the filter taps
 * outside and the output channels inside; each tap's divisibility test is done once for the whole tile.
 */
public final class TiledConvBackwardData {
    /** Input channels per tile. Written out in the kernel as locals, like {@link #PIXELS}. */
    public static final int CHANNELS = 4;
    /**
     * Input pixels (of one row and residue class) per tile: 4 x 3 for the forward pass's reason
     * ({@link TiledConvForward}); on PoCL it took 0.86-0.90 of 4 x 4's CPU time (same run, alternating), about as
     * much as 6 x 2 and 8 x 2, while 3 x 4 was slower.
     */
    public static final int PIXELS = 3;

    private TiledConvBackwardData() {}

    /**
     * dx += input gradient of dy through w. ints[15..17]: dy, w, dx. Twin: {@link ConvKernels#backwardData}.
     * Each input pixel gathers from the output pixels that read it (ow = (iw + padW - ss * dilW) / strideW when
     * that divides exactly and is in range); the divisibility test is one per tap for the whole tile.
     */
    public static void backwardData(float[] heap, int[] ints, float[] floats) {
        int n = ints[0];
        int c = ints[1];
        int h = ints[2];
        int w = ints[3];
        int k = ints[4];
        int r = ints[5];
        int s = ints[6];
        int strideH = ints[7];
        int strideW = ints[8];
        int padH = ints[9];
        int padW = ints[10];
        int dilH = ints[11];
        int dilW = ints[12];
        int outH = ints[13];
        int outW = ints[14];
        int dyOff = ints[15];
        int wOff = ints[16];
        int dxOff = ints[17];
        int cBlocks = (c + CHANNELS - 1) / CHANNELS;
        int wBlocks = columnBlocks(w, strideW);
        int total = n * cBlocks * h * wBlocks;
        int taps = r * s;
        int plane = h * w;
        int outPlane = outH * outW;
        // Added to t = iw + padW - ss * dilW (>= -(s - 1) * dilW) so that / and % round down.
        int lift = s * dilW;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int iwb = idx % wBlocks;
            int rest = idx / wBlocks;
            int ih = rest % h;
            rest = rest / h;
            int cb = rest % cBlocks;
            int nn = rest / cBlocks;
            // The tile's pixels are iw0 + j * strideW: one residue class, so at each tap they read the
            // neighbouring output pixels o0 + j, all or none of them (stride 1: 3 neighbouring pixels).
            int iw0 = iwb % strideW + (iwb / strideW) * PIXELS * strideW;
            int c0 = cb * CHANNELS;
            int c1 = Math.min(c0 + 1, c - 1);
            int c2 = Math.min(c0 + 2, c - 1);
            int c3 = Math.min(c0 + 3, c - 1);
            // a<channel><pixel>
            float a00 = 0f;
            float a01 = 0f;
            float a02 = 0f;
            float a10 = 0f;
            float a11 = 0f;
            float a12 = 0f;
            float a20 = 0f;
            float a21 = 0f;
            float a22 = 0f;
            float a30 = 0f;
            float a31 = 0f;
            float a32 = 0f;
            // Taps outer, output channels inner (as in forward): whether the tap reaches the tile's pixels, and
            // which output columns it reads, is worked out once per tap.
            int dyImage = dyOff + nn * k * outPlane;
            for (int rr = 0; rr < r; rr++) {
                int th = ih + padH - rr * dilH;
                int oh = th / strideH;
                if (th >= 0 && oh * strideH == th && oh < outH) {
                    int dyRow = dyImage + oh * outW;
                    for (int ss = 0; ss < s; ss++) {
                        int lifted = iw0 + padW - ss * dilW + lift * strideW;
                        int o0 = lifted / strideW - lift;
                        int o1 = o0 + 1;
                        int o2 = o0 + 2;
                        boolean v0 = o0 >= 0 && o0 < outW;
                        boolean v1 = o1 >= 0 && o1 < outW;
                        boolean v2 = o2 >= 0 && o2 < outW;
                        if (lifted % strideW == 0 && (v0 || v1 || v2)) {
                            int d0 = dyRow + Math.min(Math.max(o0, 0), outW - 1);
                            int d1 = dyRow + Math.min(Math.max(o1, 0), outW - 1);
                            int d2 = dyRow + Math.min(Math.max(o2, 0), outW - 1);
                            int tap = rr * s + ss;
                            int f0Off = wOff + c0 * taps + tap;
                            int f1Off = wOff + c1 * taps + tap;
                            int f2Off = wOff + c2 * taps + tap;
                            int f3Off = wOff + c3 * taps + tap;
                            int wPerK = c * taps;
                            for (int kk = 0; kk < k; kk++) {
                                int dk = kk * outPlane;
                                float g0 = heap[d0 + dk];
                                float g1 = heap[d1 + dk];
                                float g2 = heap[d2 + dk];
                                g0 = v0 ? g0 : 0f;
                                g1 = v1 ? g1 : 0f;
                                g2 = v2 ? g2 : 0f;
                                int wk = kk * wPerK;
                                float f0 = heap[f0Off + wk];
                                a00 += g0 * f0;
                                a01 += g1 * f0;
                                a02 += g2 * f0;
                                float f1 = heap[f1Off + wk];
                                a10 += g0 * f1;
                                a11 += g1 * f1;
                                a12 += g2 * f1;
                                float f2 = heap[f2Off + wk];
                                a20 += g0 * f2;
                                a21 += g1 * f2;
                                a22 += g2 * f2;
                                float f3 = heap[f3Off + wk];
                                a30 += g0 * f3;
                                a31 += g1 * f3;
                                a32 += g2 * f3;
                            }
                        }
                    }
                }
            }
            // Pixel j is iw0 + j * strideW; a tile of the last residues may overhang the row, or lie past it.
            if (iw0 < w) {
                int x0 = dxOff + (nn * c + c0) * plane + ih * w + iw0;
                int pixels = Math.min(PIXELS, (w - iw0 + strideW - 1) / strideW);
                int channels = Math.min(CHANNELS, c - c0);
                heap[x0] += a00;
                if (pixels > 1) heap[x0 + strideW] += a01;
                if (pixels > 2) heap[x0 + 2 * strideW] += a02;
                if (channels > 1) {
                    int x1 = x0 + plane;
                    heap[x1] += a10;
                    if (pixels > 1) heap[x1 + strideW] += a11;
                    if (pixels > 2) heap[x1 + 2 * strideW] += a12;
                }
                if (channels > 2) {
                    int x2 = x0 + 2 * plane;
                    heap[x2] += a20;
                    if (pixels > 1) heap[x2 + strideW] += a21;
                    if (pixels > 2) heap[x2 + 2 * strideW] += a22;
                }
                if (channels > 3) {
                    int x3 = x0 + 3 * plane;
                    heap[x3] += a30;
                    if (pixels > 1) heap[x3 + strideW] += a31;
                    if (pixels > 2) heap[x3 + 2 * strideW] += a32;
                }
            }
        }
    }

    /** The launch: one parallel iteration per tile. */
    public static Launch launch(ConvGeometry g, int dy, int w, int dx) {
        int tiles = g.n() * ((g.c() + CHANNELS - 1) / CHANNELS) * g.h() * columnBlocks(g.w(), g.strideW());
        return Launch.of(Kernel.CONV_BACKWARD_DATA_TILED, tiles, ConvKernels.geometry(g, dy, w, dx, 0));
    }

    /**
     * Column tiles per input row: for each of the strideW residue classes, tiles of {@link #PIXELS} pixels spaced
     * strideW apart (some tiles of the last residues overhang the row).
     */
    static int columnBlocks(int w, int strideW) {
        int perResidue = (w + strideW - 1) / strideW;
        return strideW * ((perResidue + PIXELS - 1) / PIXELS);
    }
}
