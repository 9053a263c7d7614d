package org.regionwise.gpu.kernels;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.Parallel;

/**
 * The three passes of 2D convolution (NCHW, weight K x C x R x S, stride, zero padding, dilation) as direct
 * loops, one parallel iteration per output element of each pass, so no pass needs atomics:
 * forward per output pixel, backward-data per input pixel (gather, not scatter), backward-weight per weight.
 * They are the reference twins of the register-tiled kernels, {@link TiledConvForward},
 * {@link TiledConvBackwardData} and {@link TiledConvBackwardWeight}, which the launch builders below hand out
 * (the {@code direct*} builders launch these loops; the backward-weight pass, split over rows into scratch, is
 * launched through {@link TiledConvBackwardWeight#launches}). The bias gradient is a chunked channel sum
 * ({@link AxisSumKernels#channelSumsLaunches}).
 *
 * <p>ints[0..14] hold the geometry in {@link ConvGeometry}'s component order
 * (n, c, h, w, k, r, s, strideH, strideW, padH, padW, dilH, dilW, outH, outW); ints[15..] hold heap offsets.
 */
public final class ConvKernels {
    private ConvKernels() {}

    /** y = conv(x, w) + bias. ints[15..18]: x, w, y, bias (-1: no bias). */
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
        int total = n * k * outH * outW;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int ow = idx % outW;
            int rest = idx / outW;
            int oh = rest % outH;
            rest = rest / outH;
            int kk = rest % k;
            int nn = rest / k;
            float acc = biasOff >= 0 ? heap[biasOff + kk] : 0f;
            for (int cc = 0; cc < c; cc++) {
                int xPlane = xOff + (nn * c + cc) * h * w;
                int wBase = wOff + (kk * c + cc) * r * s;
                for (int rr = 0; rr < r; rr++) {
                    int ih = oh * strideH - padH + rr * dilH;
                    if (ih >= 0 && ih < h) {
                        for (int ss = 0; ss < s; ss++) {
                            int iw = ow * strideW - padW + ss * dilW;
                            if (iw >= 0 && iw < w) {
                                acc += heap[xPlane + ih * w + iw] * heap[wBase + rr * s + ss];
                            }
                        }
                    }
                }
            }
            heap[yOff + idx] = acc;
        }
    }

    /**
     * dx += input gradient of dy through w. ints[15..17]: dy, w, dx. Each input pixel gathers from the output
     * pixels that read it: oh = (ih + padH - rr * dilH) / strideH when that divides exactly and is in range.
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
        int total = n * c * h * w;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int iw = idx % w;
            int rest = idx / w;
            int ih = rest % h;
            rest = rest / h;
            int cc = rest % c;
            int nn = rest / c;
            float acc = 0f;
            for (int kk = 0; kk < k; kk++) {
                int dyPlane = dyOff + (nn * k + kk) * outH * outW;
                int wBase = wOff + (kk * c + cc) * r * s;
                for (int rr = 0; rr < r; rr++) {
                    int th = ih + padH - rr * dilH;
                    int oh = th / strideH;
                    if (th >= 0 && oh * strideH == th && oh < outH) {
                        for (int ss = 0; ss < s; ss++) {
                            int tw = iw + padW - ss * dilW;
                            int ow = tw / strideW;
                            if (tw >= 0 && ow * strideW == tw && ow < outW) {
                                acc += heap[dyPlane + oh * outW + ow] * heap[wBase + rr * s + ss];
                            }
                        }
                    }
                }
            }
            heap[dxOff + idx] += acc;
        }
    }

    /** dw += weight gradient. ints[15..17]: x, dy, dw. */
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
        int total = k * c * r * s;
        for (@Parallel int idx = 0; idx < total; idx++) {
            int ss = idx % s;
            int rest = idx / s;
            int rr = rest % r;
            rest = rest / r;
            int cc = rest % c;
            int kk = rest / c;
            float acc = 0f;
            for (int nn = 0; nn < n; nn++) {
                int xPlane = xOff + (nn * c + cc) * h * w;
                int dyPlane = dyOff + (nn * k + kk) * outH * outW;
                for (int oh = 0; oh < outH; oh++) {
                    int ih = oh * strideH - padH + rr * dilH;
                    if (ih >= 0 && ih < h) {
                        for (int ow = 0; ow < outW; ow++) {
                            int iw = ow * strideW - padW + ss * dilW;
                            if (iw >= 0 && iw < w) {
                                acc += heap[xPlane + ih * w + iw] * heap[dyPlane + oh * outW + ow];
                            }
                        }
                    }
                }
            }
            heap[dwOff + idx] += acc;
        }
    }

    /** The forward pass as launched: {@link TiledConvForward#forward}. */
    public static Launch forwardLaunch(ConvGeometry g, int x, int w, int bias, int y) {
        return TiledConvForward.launch(g, x, w, bias, y);
    }

    /** The backward-data pass as launched: {@link TiledConvBackwardData#backwardData}. */
    public static Launch backwardDataLaunch(ConvGeometry g, int dy, int w, int dx) {
        return TiledConvBackwardData.launch(g, dy, w, dx);
    }

    /** The direct forward loop on a device (the reference twin; also the baseline of the throughput check). */
    public static Launch directForwardLaunch(ConvGeometry g, int x, int w, int bias, int y) {
        return Launch.of(Kernel.CONV_FORWARD, g.outputSize(), geometry(g, x, w, y, bias));
    }

    public static Launch directBackwardDataLaunch(ConvGeometry g, int dy, int w, int dx) {
        return Launch.of(Kernel.CONV_BACKWARD_DATA, g.inputSize(), geometry(g, dy, w, dx, 0));
    }

    public static Launch directBackwardWeightLaunch(ConvGeometry g, int x, int dy, int dw) {
        return Launch.of(Kernel.CONV_BACKWARD_WEIGHT, g.weightSize(), geometry(g, x, dy, dw, 0));
    }

    static int[] geometry(ConvGeometry g, int off0, int off1, int off2, int off3) {
        return new int[] {g.n(), g.c(), g.h(), g.w(), g.k(), g.r(), g.s(), g.strideH(), g.strideW(),
                g.padH(), g.padW(), g.dilH(), g.dilW(), g.outH(), g.outW(), off0, off1, off2, off3};
    }
}
