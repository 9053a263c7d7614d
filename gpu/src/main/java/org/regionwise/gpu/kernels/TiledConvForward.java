package org.regionwise.gpu.kernels;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.Parallel;

/**
 * The forward pass of 2D convolution, register-tiled: each parallel iteration computes 4 output channels x 3
 * neighbouring output pixels of one row in 12 local accumulators, so each value it loads feeds three or four
 * multiply-adds (7 loads per 12 FMAs, against 2 loads per FMA in the direct loop). Same operands, ints layout
 * and semantics as {@link ConvKernels#forward}, its reference twin (tests hold both against autodiff's
 * {@code ReferenceKernels}).
 *
 * <p>Why 4 x 3 and not 4 x 4: on a CPU OpenCL device (PoCL) each work-item runs as scalar code, and a tile's
 * accumulators, one row of pixel values and one weight must fit the 16 vector registers of x86-64. A 4 x 4 tile
 * (16 + 4 + 1 live floats) spilled accumulators to the stack around most multiply-adds; 4 x 3 (12 + 3 + 1) does
 * not, and took 0.73-0.75 of the 4 x 4 tile's CPU time on the standard U-Net's 64-channel shapes (same run,
 * alternating). 8 x 2 and 3 x 4 were slower than 4 x 3; 6 x 2 tied. A GPU has registers to spare for either.
 *
 * <p>Tiles that overhang the tensor (channel counts not multiples of 4, rows not multiples of 3) read a valid
 * neighbour (the last channel; a clamped pixel, then zeroed) and store only what exists, so no load leaves its
 * tensor. The loop runs over the filter taps outside and the input channels inside: where a tap's three pixels
 * are, and which of them lie in the image (the others read a clamped, valid pixel and use 0: a select, not a
 * branch), is worked out once per tap, so the channel loop is loads and multiply-adds only. Outputs are
 * therefore summed tap by tap, then channel by channel (the direct loop: channel, then tap); taps that miss
 * the whole tile are skipped.
 */
public final class TiledConvForward {
    /** Output channels per tile. Written out in the kernel as locals, like {@link #PIXELS}. */
    public static final int CHANNELS = 4;
    /** Neighbouring output pixels (of one row) per tile. */
    public static final int PIXELS = 3;

    private TiledConvForward() {}

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
        int kBlocks = (k + CHANNELS - 1) / CHANNELS;
        int wBlocks = (outW + PIXELS - 1) / PIXELS;
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
            int ow0 = owb * PIXELS;
            int k0 = kb * CHANNELS;
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
            float a10 = b1;
            float a11 = b1;
            float a12 = b1;
            float a20 = b2;
            float a21 = b2;
            float a22 = b2;
            float a30 = b3;
            float a31 = b3;
            float a32 = b3;
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
                        boolean v0 = i0 >= 0 && i0 < w;
                        boolean v1 = i1 >= 0 && i1 < w;
                        boolean v2 = i2 >= 0 && i2 < w;
                        if (v0 || v1 || v2) {
                            int x0 = xRow + Math.min(Math.max(i0, 0), w - 1);
                            int x1 = xRow + Math.min(Math.max(i1, 0), w - 1);
                            int x2 = xRow + Math.min(Math.max(i2, 0), w - 1);
                            int tap = rr * s + ss;
                            for (int cc = 0; cc < c; cc++) {
                                int xc = cc * plane;
                                float p0 = heap[x0 + xc];
                                float p1 = heap[x1 + xc];
                                float p2 = heap[x2 + xc];
                                p0 = v0 ? p0 : 0f;
                                p1 = v1 ? p1 : 0f;
                                p2 = v2 ? p2 : 0f;
                                int wc = cc * taps + tap;
                                float f0 = heap[w0 + wc];
                                a00 += p0 * f0;
                                a01 += p1 * f0;
                                a02 += p2 * f0;
                                float f1 = heap[w1 + wc];
                                a10 += p0 * f1;
                                a11 += p1 * f1;
                                a12 += p2 * f1;
                                float f2 = heap[w2 + wc];
                                a20 += p0 * f2;
                                a21 += p1 * f2;
                                a22 += p2 * f2;
                                float f3 = heap[w3 + wc];
                                a30 += p0 * f3;
                                a31 += p1 * f3;
                                a32 += p2 * f3;
                            }
                        }
                    }
                }
            }
            // Channel by channel: its three pixels, as many as exist.
            int y0 = yOff + (nn * k + k0) * outPlane + oh * outW + ow0;
            int pixels = Math.min(PIXELS, outW - ow0);
            int channels = Math.min(CHANNELS, k - k0);
            int yq0 = y0 + 0 * outPlane;
            heap[yq0] = a00;
            if (pixels > 1) heap[yq0 + 1] = a01;
            if (pixels > 2) heap[yq0 + 2] = a02;
            if (channels > 1) {
                int yq1 = y0 + 1 * outPlane;
                heap[yq1] = a10;
                if (pixels > 1) heap[yq1 + 1] = a11;
                if (pixels > 2) heap[yq1 + 2] = a12;
            }
            if (channels > 2) {
                int yq2 = y0 + 2 * outPlane;
                heap[yq2] = a20;
                if (pixels > 1) heap[yq2 + 1] = a21;
                if (pixels > 2) heap[yq2 + 2] = a22;
            }
            if (channels > 3) {
                int yq3 = y0 + 3 * outPlane;
                heap[yq3] = a30;
                if (pixels > 1) heap[yq3 + 1] = a31;
                if (pixels > 2) heap[yq3 + 2] = a32;
            }
        }
    }

    /** The launch: one parallel iteration per tile. */
    public static Launch launch(ConvGeometry g, int x, int w, int bias, int y) {
        int tiles = g.n() * ceilDiv(g.k(), CHANNELS) * g.outH() * ceilDiv(g.outW(), PIXELS);
        return Launch.of(Kernel.CONV_FORWARD_TILED, tiles, ConvKernels.geometry(g, x, w, y, bias));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
