package org.regionwise.gpu.kernels;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.Parallel;

/**
 * The backward-weight pass of 2D convolution, register-tiled: each parallel iteration computes 4 output
 * channels x 4 input channels at one filter tap (r, s), over the whole batch, in 16 local accumulators. It sums
 * in the direct loop's order (image, row, column). Same operands, ints layout and semantics as
 * {@link ConvKernels#backwardWeight}, its reference twin (tests hold both against autodiff's
 * {@code ReferenceKernels}). Tiles that overhang the channel counts read the last channel and store only what
 * exists.
 */
public final class TiledConvBackwardWeight {
    /** Tile edge: 4 output channels by 4 input channels. Written out in the kernel as 16 locals. */
    public static final int TILE = 4;

    private TiledConvBackwardWeight() {}

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

    /** The launch: one parallel iteration per tile. */
    public static Launch launch(ConvGeometry g, int x, int dy, int dw) {
        int tiles = ((g.k() + TILE - 1) / TILE) * ((g.c() + TILE - 1) / TILE) * g.r() * g.s();
        return Launch.of(Kernel.CONV_BACKWARD_WEIGHT_TILED, tiles, ConvKernels.geometry(g, x, dy, dw, 0));
    }
}
