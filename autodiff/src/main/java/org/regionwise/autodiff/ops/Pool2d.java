package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.ConvGeometry;

/**
 * Max and average pooling over NCHW windows with stride and padding. Max pooling pads with -infinity and
 * sends each output's gradient to the first maximum of its window; average pooling counts padded zeros
 * in the divisor (PyTorch's default count_include_pad=True).
 */
public final class Pool2d extends Function {
    private final boolean max;
    private final ConvGeometry g;
    /** Max pooling: the input index that won each output position. */
    private final int[] argmax;

    private Pool2d(Tensor x, boolean max, ConvGeometry g, int[] argmax) {
        super(x);
        this.max = max;
        this.g = g;
        this.argmax = argmax;
    }

    public static Tensor max(Tensor x, int kernel, int stride, int padding) {
        return apply(x, true, kernel, stride, padding);
    }

    public static Tensor avg(Tensor x, int kernel, int stride, int padding) {
        return apply(x, false, kernel, stride, padding);
    }

    private static Tensor apply(Tensor x, boolean max, int kernel, int stride, int padding) {
        String op = max ? "maxPool2d" : "avgPool2d";
        int[] s = x.shape();
        if (s.length != 4) throw new IllegalArgumentException(op + ": expected (N, C, H, W), got " + Shape.str(s));
        if (2 * padding > kernel) throw new IllegalArgumentException(op + ": padding " + padding + " exceeds half the kernel " + kernel);
        // Pooling is a per-channel convolution, so the convolution geometry describes its windows.
        ConvGeometry g = ConvGeometry.of(s[0] * s[1], 1, s[2], s[3], 1, kernel, kernel, stride, padding, 1);
        float[] in = x.data();
        float[] out = Buffers.allocate(g.n() * g.outH() * g.outW());
        int[] argmax = max ? new int[out.length] : null;
        float area = kernel * kernel;
        for (int p = 0; p < g.n(); p++) {
            for (int oh = 0; oh < g.outH(); oh++) {
                for (int ow = 0; ow < g.outW(); ow++) {
                    int o = (p * g.outH() + oh) * g.outW() + ow;
                    float best = Float.NEGATIVE_INFINITY;
                    int bestAt = -1;
                    double sum = 0;
                    for (int r = 0; r < kernel; r++) {
                        int ih = oh * stride - padding + r;
                        if (ih < 0 || ih >= g.h()) continue;
                        for (int c = 0; c < kernel; c++) {
                            int iw = ow * stride - padding + c;
                            if (iw < 0 || iw >= g.w()) continue;
                            int i = (p * g.h() + ih) * g.w() + iw;
                            if (bestAt < 0 || in[i] > best || (Float.isNaN(in[i]) && !Float.isNaN(best))) {
                                best = in[i];
                                bestAt = i;
                            }
                            sum += in[i];
                        }
                    }
                    if (max) {
                        out[o] = best;
                        argmax[o] = bestAt;
                    } else {
                        out[o] = (float) (sum / area);
                    }
                }
            }
        }
        return Tensor.fromOp(new Pool2d(x, max, g, argmax), out, new int[] {s[0], s[1], g.outH(), g.outW()});
    }

    @Override
    protected void backward(float[] grad) {
        float[] gx = gradOf(0);
        if (gx == null) return;
        if (max) {
            for (int o = 0; o < grad.length; o++) gx[argmax[o]] += grad[o];
            return;
        }
        int kernel = g.r();
        float inv = 1f / (kernel * kernel);
        for (int p = 0; p < g.n(); p++) {
            for (int oh = 0; oh < g.outH(); oh++) {
                for (int ow = 0; ow < g.outW(); ow++) {
                    float go = grad[(p * g.outH() + oh) * g.outW() + ow] * inv;
                    for (int r = 0; r < kernel; r++) {
                        int ih = oh * g.strideH() - g.padH() + r;
                        if (ih < 0 || ih >= g.h()) continue;
                        for (int c = 0; c < kernel; c++) {
                            int iw = ow * g.strideW() - g.padW() + c;
                            if (iw >= 0 && iw < g.w()) gx[(p * g.h() + ih) * g.w() + iw] += go;
                        }
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return max ? "MaxPool2d" : "AvgPool2d";
    }
}
