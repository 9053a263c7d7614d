package org.regionwise.gpu.kernels;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.Parallel;

/**
 * The three passes of 2D convolution, register-tiled: each parallel iteration computes a 4 x 4 tile of its
 * pass's outputs in 16 local accumulators, so every value it loads feeds four multiply-adds instead of one
 * (8 loads per 16 FMAs, against 2 per FMA in the direct loops). Same operands, ints layout and semantics
 * as {@link ConvKernels}, whose direct loops are the reference twin (tests hold each pass against them and
 * against autodiff's {@code ReferenceKernels}).
 *
 * <ul>
 *   <li>forward: 4 output channels x 4 neighbouring output pixels of one row;</li>
 *   <li>backward data: 4 input channels x 4 input pixels of one row, strideW apart (a gather, no atomics:
 *       pixels of one residue class read neighbouring output pixels at every tap, or none of them);</li>
 *   <li>backward weight: 4 output channels x 4 input channels at one filter tap (r, s), over the whole batch.</li>
 * </ul>
 *
 * <p>Tiles that overhang the tensor (channel counts or rows not multiples of 4) read a valid neighbour
 * (the last channel; a clamped pixel, then zeroed) and store only what exists, so no load leaves its tensor.
 * Forward and backward data loop over the filter taps outside and the reduced channels inside: where a
 * tap's four pixels are,
 * and which of them lie in the image (the others read a clamped, valid pixel and use 0: a select, not a
 * branch), is worked out once per tap, so the channel loop is loads and multiply-adds only. Their outputs
 * are therefore summed tap by tap, then channel by channel (the direct loops: channel, then tap); taps that
 * miss the whole tile are skipped. Backward weight sums in the direct loop's order (image, row, column).
 */
public final class TiledConvKernels {
    /** Tile edge: 4 channels by 4 pixels (or 4 by 4 channels). Written out in the kernels as 16 locals. */
    public static final int TILE = 4;

    private TiledConvKernels() {}

    /** y = conv(x, w) + bias. ints[15..18]: x, w, y, bias (-1: no bias). Twin: {@link ConvKernels#forward}. */
    public static void forward(float[] heap, int[] ints, float[] floats) {
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
        int xOff = ints[15];
        int wOff = ints[16];
        int yOff = ints[17];
        int biasOff = ints[18];
        int kBlocks = (k + 3) / 4;
        int wBlocks = (outW + 3) / 4;
        int total = n * kBlocks * outH * wBlocks;
        int taps = r * s;
        int plane = h * w;
        int outPlane = outH * outW;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int owb = idx % wBlocks;
            int rest = idx / wBlocks;
            int oh = rest % outH;
            rest = rest / outH;
            int kb = rest % kBlocks;
            int nn = rest / kBlocks;
            int ow0 = owb * 4;
            int k0 = kb * 4;
            int k1 = Math.min(k0 + 1, k - 1);
            int k2 = Math.min(k0 + 2, k - 1);
            int k3 = Math.min(k0 + 3, k - 1);
            int w0 = wOff + k0 * c * taps;
            int w1 = wOff + k1 * c * taps;
            int w2 = wOff + k2 * c * taps;
            int w3 = wOff + k3 * c * taps;
            float b0 = 0f;
            float b1 = 0f;
            float b2 = 0f;
            float b3 = 0f;
            if (biasOff >= 0) {
                b0 = heap[biasOff + k0];
                b1 = heap[biasOff + k1];
                b2 = heap[biasOff + k2];
                b3 = heap[biasOff + k3];
            }
            // a<channel><pixel>
            float a00 = b0;
            float a01 = b0;
            float a02 = b0;
            float a03 = b0;
            float a10 = b1;
            float a11 = b1;
            float a12 = b1;
            float a13 = b1;
            float a20 = b2;
            float a21 = b2;
            float a22 = b2;
            float a23 = b2;
            float a30 = b3;
            float a31 = b3;
            float a32 = b3;
            float a33 = b3;
            // Taps outer, input channels inner: a tap's pixel positions and their validity are worked out once,
            // and the channel loop is loads and multiply-adds only. A tap's column lies outside the image for
            // pixels near the padding: those read a clamped (valid) column and use 0 instead.
            int xImage = xOff + nn * c * plane;
            for (int rr = 0; rr < r; rr++) {
                int ih = oh * strideH - padH + rr * dilH;
                if (ih >= 0 && ih < h) {
                    int xRow = xImage + ih * w;
                    for (int ss = 0; ss < s; ss++) {
                        int i0 = ow0 * strideW - padW + ss * dilW;
                        int i1 = i0 + strideW;
                        int i2 = i1 + strideW;
                        int i3 = i2 + strideW;
                        boolean v0 = i0 >= 0 && i0 < w;
                        boolean v1 = i1 >= 0 && i1 < w;
                        boolean v2 = i2 >= 0 && i2 < w;
                        boolean v3 = i3 >= 0 && i3 < w;
                        if (v0 || v1 || v2 || v3) {
                            int x0 = xRow + Math.min(Math.max(i0, 0), w - 1);
                            int x1 = xRow + Math.min(Math.max(i1, 0), w - 1);
                            int x2 = xRow + Math.min(Math.max(i2, 0), w - 1);
                            int x3 = xRow + Math.min(Math.max(i3, 0), w - 1);
                            int tap = rr * s + ss;
                            for (int cc = 0; cc < c; cc++) {
                                int xc = cc * plane;
                                float p0 = heap[x0 + xc];
                                float p1 = heap[x1 + xc];
                                float p2 = heap[x2 + xc];
                                float p3 = heap[x3 + xc];
                                p0 = v0 ? p0 : 0f;
                                p1 = v1 ? p1 : 0f;
                                p2 = v2 ? p2 : 0f;
                                p3 = v3 ? p3 : 0f;
                                int wc = cc * taps + tap;
                                float f0 = heap[w0 + wc];
                                float f1 = heap[w1 + wc];
                                float f2 = heap[w2 + wc];
                                float f3 = heap[w3 + wc];
                                a00 += p0 * f0;
                                a01 += p1 * f0;
                                a02 += p2 * f0;
                                a03 += p3 * f0;
                                a10 += p0 * f1;
                                a11 += p1 * f1;
                                a12 += p2 * f1;
                                a13 += p3 * f1;
                                a20 += p0 * f2;
                                a21 += p1 * f2;
                                a22 += p2 * f2;
                                a23 += p3 * f2;
                                a30 += p0 * f3;
                                a31 += p1 * f3;
                                a32 += p2 * f3;
                                a33 += p3 * f3;
                            }
                        }
                    }
                }
            }
            int y0 = yOff + (nn * k + k0) * outPlane + oh * outW + ow0;
            int pixels = Math.min(4, outW - ow0);
            int channels = Math.min(4, k - k0);
            // Row by row: channel q's four pixels, as many as exist.
            heap[y0] = a00;
            if (pixels > 1) heap[y0 + 1] = a01;
            if (pixels > 2) heap[y0 + 2] = a02;
            if (pixels > 3) heap[y0 + 3] = a03;
            if (channels > 1) {
                int y1 = y0 + outPlane;
                heap[y1] = a10;
                if (pixels > 1) heap[y1 + 1] = a11;
                if (pixels > 2) heap[y1 + 2] = a12;
                if (pixels > 3) heap[y1 + 3] = a13;
            }
            if (channels > 2) {
                int y2 = y0 + 2 * outPlane;
                heap[y2] = a20;
                if (pixels > 1) heap[y2 + 1] = a21;
                if (pixels > 2) heap[y2 + 2] = a22;
                if (pixels > 3) heap[y2 + 3] = a23;
            }
            if (channels > 3) {
                int y3 = y0 + 3 * outPlane;
                heap[y3] = a30;
                if (pixels > 1) heap[y3 + 1] = a31;
                if (pixels > 2) heap[y3 + 2] = a32;
                if (pixels > 3) heap[y3 + 3] = a33;
            }
        }
    }

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
        int cBlocks = (c + 3) / 4;
        int wBlocks = dataColumnBlocks(w, strideW);
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
            // neighbouring output pixels o0 + j, all or none of them (stride 1: four neighbouring pixels).
            int iw0 = iwb % strideW + (iwb / strideW) * 4 * strideW;
            int c0 = cb * 4;
            int c1 = Math.min(c0 + 1, c - 1);
            int c2 = Math.min(c0 + 2, c - 1);
            int c3 = Math.min(c0 + 3, c - 1);
            // a<channel><pixel>
            float a00 = 0f;
            float a01 = 0f;
            float a02 = 0f;
            float a03 = 0f;
            float a10 = 0f;
            float a11 = 0f;
            float a12 = 0f;
            float a13 = 0f;
            float a20 = 0f;
            float a21 = 0f;
            float a22 = 0f;
            float a23 = 0f;
            float a30 = 0f;
            float a31 = 0f;
            float a32 = 0f;
            float a33 = 0f;
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
                        int o3 = o0 + 3;
                        boolean v0 = o0 >= 0 && o0 < outW;
                        boolean v1 = o1 >= 0 && o1 < outW;
                        boolean v2 = o2 >= 0 && o2 < outW;
                        boolean v3 = o3 >= 0 && o3 < outW;
                        if (lifted % strideW == 0 && (v0 || v1 || v2 || v3)) {
                            int d0 = dyRow + Math.min(Math.max(o0, 0), outW - 1);
                            int d1 = dyRow + Math.min(Math.max(o1, 0), outW - 1);
                            int d2 = dyRow + Math.min(Math.max(o2, 0), outW - 1);
                            int d3 = dyRow + Math.min(Math.max(o3, 0), outW - 1);
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
                                float g3 = heap[d3 + dk];
                                g0 = v0 ? g0 : 0f;
                                g1 = v1 ? g1 : 0f;
                                g2 = v2 ? g2 : 0f;
                                g3 = v3 ? g3 : 0f;
                                int wk = kk * wPerK;
                                float f0 = heap[f0Off + wk];
                                float f1 = heap[f1Off + wk];
                                float f2 = heap[f2Off + wk];
                                float f3 = heap[f3Off + wk];
                                a00 += g0 * f0;
                                a01 += g1 * f0;
                                a02 += g2 * f0;
                                a03 += g3 * f0;
                                a10 += g0 * f1;
                                a11 += g1 * f1;
                                a12 += g2 * f1;
                                a13 += g3 * f1;
                                a20 += g0 * f2;
                                a21 += g1 * f2;
                                a22 += g2 * f2;
                                a23 += g3 * f2;
                                a30 += g0 * f3;
                                a31 += g1 * f3;
                                a32 += g2 * f3;
                                a33 += g3 * f3;
                            }
                        }
                    }
                }
            }
            // Pixel j is iw0 + j * strideW; a tile of the last residues may overhang the row, or lie past it.
            if (iw0 < w) {
                int x0 = dxOff + (nn * c + c0) * plane + ih * w + iw0;
                int pixels = Math.min(4, (w - iw0 + strideW - 1) / strideW);
                int channels = Math.min(4, c - c0);
                int p1 = strideW;
                int p2 = 2 * strideW;
                int p3 = 3 * strideW;
                heap[x0] += a00;
                if (pixels > 1) heap[x0 + p1] += a01;
                if (pixels > 2) heap[x0 + p2] += a02;
                if (pixels > 3) heap[x0 + p3] += a03;
                if (channels > 1) {
                    int x1 = x0 + plane;
                    heap[x1] += a10;
                    if (pixels > 1) heap[x1 + p1] += a11;
                    if (pixels > 2) heap[x1 + p2] += a12;
                    if (pixels > 3) heap[x1 + p3] += a13;
                }
                if (channels > 2) {
                    int x2 = x0 + 2 * plane;
                    heap[x2] += a20;
                    if (pixels > 1) heap[x2 + p1] += a21;
                    if (pixels > 2) heap[x2 + p2] += a22;
                    if (pixels > 3) heap[x2 + p3] += a23;
                }
                if (channels > 3) {
                    int x3 = x0 + 3 * plane;
                    heap[x3] += a30;
                    if (pixels > 1) heap[x3 + p1] += a31;
                    if (pixels > 2) heap[x3 + p2] += a32;
                    if (pixels > 3) heap[x3 + p3] += a33;
                }
            }
        }
    }

    /**
     * dw += weight gradient. ints[15..17]: x, dy, dw. Twin: {@link ConvKernels#backwardWeight}. The output
     * columns whose input column is inside the image at this tap form one range [owLo, owHi), computed once,
     * so the innermost loop has no bounds tests.
     */
    public static void backwardWeight(float[] heap, int[] ints, float[] floats) {
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
        int xOff = ints[15];
        int dyOff = ints[16];
        int dwOff = ints[17];
        int kBlocks = (k + 3) / 4;
        int cBlocks = (c + 3) / 4;
        int taps = r * s;
        int total = kBlocks * cBlocks * taps;
        int plane = h * w;
        int outPlane = outH * outW;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int tap = idx % taps;
            int rest = idx / taps;
            int cb = rest % cBlocks;
            int kb = rest / cBlocks;
            int rr = tap / s;
            int ss = tap - rr * s;
            int k0 = kb * 4;
            int k1 = Math.min(k0 + 1, k - 1);
            int k2 = Math.min(k0 + 2, k - 1);
            int k3 = Math.min(k0 + 3, k - 1);
            int c0 = cb * 4;
            int c1 = Math.min(c0 + 1, c - 1);
            int c2 = Math.min(c0 + 2, c - 1);
            int c3 = Math.min(c0 + 3, c - 1);
            // iw = ow * strideW - padW + ss * dilW lies in [0, w) exactly for ow in [owLo, owHi).
            int lead = padW - ss * dilW;
            int owLo = lead <= 0 ? 0 : (lead + strideW - 1) / strideW;
            int last = w - 1 + lead;
            int owHi = last < 0 ? 0 : Math.min(outW, last / strideW + 1);
            // a<output channel><input channel>
            float a00 = 0f;
            float a01 = 0f;
            float a02 = 0f;
            float a03 = 0f;
            float a10 = 0f;
            float a11 = 0f;
            float a12 = 0f;
            float a13 = 0f;
            float a20 = 0f;
            float a21 = 0f;
            float a22 = 0f;
            float a23 = 0f;
            float a30 = 0f;
            float a31 = 0f;
            float a32 = 0f;
            float a33 = 0f;
            for (int nn = 0; nn < n; nn++) {
                int xImage = xOff + nn * c * plane;
                int dyImage = dyOff + nn * k * outPlane;
                for (int oh = 0; oh < outH; oh++) {
                    int ih = oh * strideH - padH + rr * dilH;
                    if (ih >= 0 && ih < h) {
                        int xRow = xImage + ih * w - lead;
                        int dyRow = dyImage + oh * outW;
                        int xr0 = xRow + c0 * plane;
                        int xr1 = xRow + c1 * plane;
                        int xr2 = xRow + c2 * plane;
                        int xr3 = xRow + c3 * plane;
                        int dr0 = dyRow + k0 * outPlane;
                        int dr1 = dyRow + k1 * outPlane;
                        int dr2 = dyRow + k2 * outPlane;
                        int dr3 = dyRow + k3 * outPlane;
                        for (int ow = owLo; ow < owHi; ow++) {
                            int iw = ow * strideW;
                            float x0 = heap[xr0 + iw];
                            float x1 = heap[xr1 + iw];
                            float x2 = heap[xr2 + iw];
                            float x3 = heap[xr3 + iw];
                            float d0 = heap[dr0 + ow];
                            float d1 = heap[dr1 + ow];
                            float d2 = heap[dr2 + ow];
                            float d3 = heap[dr3 + ow];
                            a00 += x0 * d0;
                            a01 += x1 * d0;
                            a02 += x2 * d0;
                            a03 += x3 * d0;
                            a10 += x0 * d1;
                            a11 += x1 * d1;
                            a12 += x2 * d1;
                            a13 += x3 * d1;
                            a20 += x0 * d2;
                            a21 += x1 * d2;
                            a22 += x2 * d2;
                            a23 += x3 * d2;
                            a30 += x0 * d3;
                            a31 += x1 * d3;
                            a32 += x2 * d3;
                            a33 += x3 * d3;
                        }
                    }
                }
            }
            // dw[kk, cc, rr, ss] at ((kk * c + cc) * taps + tap).
            int channels = Math.min(4, c - c0);
            int outputs = Math.min(4, k - k0);
            int d0 = dwOff + (k0 * c + c0) * taps + tap;
            heap[d0] += a00;
            if (channels > 1) heap[d0 + taps] += a01;
            if (channels > 2) heap[d0 + 2 * taps] += a02;
            if (channels > 3) heap[d0 + 3 * taps] += a03;
            if (outputs > 1) {
                int d1 = d0 + c * taps;
                heap[d1] += a10;
                if (channels > 1) heap[d1 + taps] += a11;
                if (channels > 2) heap[d1 + 2 * taps] += a12;
                if (channels > 3) heap[d1 + 3 * taps] += a13;
            }
            if (outputs > 2) {
                int d2 = d0 + 2 * c * taps;
                heap[d2] += a20;
                if (channels > 1) heap[d2 + taps] += a21;
                if (channels > 2) heap[d2 + 2 * taps] += a22;
                if (channels > 3) heap[d2 + 3 * taps] += a23;
            }
            if (outputs > 3) {
                int d3 = d0 + 3 * c * taps;
                heap[d3] += a30;
                if (channels > 1) heap[d3 + taps] += a31;
                if (channels > 2) heap[d3 + 2 * taps] += a32;
                if (channels > 3) heap[d3 + 3 * taps] += a33;
            }
        }
    }

    public static Launch forwardLaunch(ConvGeometry g, int x, int w, int bias, int y) {
        int tiles = g.n() * blocks(g.k()) * g.outH() * blocks(g.outW());
        return Launch.of(Kernel.CONV_FORWARD_TILED, tiles, ConvKernels.geometry(g, x, w, y, bias));
    }

    public static Launch backwardDataLaunch(ConvGeometry g, int dy, int w, int dx) {
        int tiles = g.n() * blocks(g.c()) * g.h() * dataColumnBlocks(g.w(), g.strideW());
        return Launch.of(Kernel.CONV_BACKWARD_DATA_TILED, tiles, ConvKernels.geometry(g, dy, w, dx, 0));
    }

    public static Launch backwardWeightLaunch(ConvGeometry g, int x, int dy, int dw) {
        int tiles = blocks(g.k()) * blocks(g.c()) * g.r() * g.s();
        return Launch.of(Kernel.CONV_BACKWARD_WEIGHT_TILED, tiles, ConvKernels.geometry(g, x, dy, dw, 0));
    }

    /**
     * Column tiles of backward data per input row: for each of the strideW residue classes, tiles of 4 pixels
     * spaced strideW apart (some tiles of the last residues overhang the row).
     */
    static int dataColumnBlocks(int w, int strideW) {
        int perResidue = (w + strideW - 1) / strideW;
        return strideW * ((perResidue + 3) / 4);
    }

    private static int blocks(int extent) {
        return (extent + TILE - 1) / TILE;
    }
}
