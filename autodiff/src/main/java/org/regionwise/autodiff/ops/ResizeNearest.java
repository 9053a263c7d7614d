package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * Nearest-neighbour resize of NCHW tensors (PyTorch's mode='nearest': source index floor(dst * in / out)).
 * Made for label maps (deep-supervision targets), which need no gradient; it is still differentiable
 * (backward sums the gradients of the outputs that copied each input) so it composes anywhere.
 */
public final class ResizeNearest extends Function {
    private final int[] source;

    private ResizeNearest(Tensor x, int[] source) {
        super(x);
        this.source = source;
    }

    public static Tensor apply(Tensor x, int outH, int outW) {
        int[] s = x.shape();
        if (s.length != 4) throw new IllegalArgumentException("resizeNearest: expected (N, C, H, W), got " + Shape.str(s));
        if (outH <= 0 || outW <= 0) throw new IllegalArgumentException("resizeNearest: target size " + outH + "x" + outW);
        int planes = s[0] * s[1];
        int[] source = new int[planes * outH * outW];
        for (int p = 0; p < planes; p++) {
            for (int oh = 0; oh < outH; oh++) {
                int ih = sourceIndex(oh, s[2], outH);
                for (int ow = 0; ow < outW; ow++) {
                    source[(p * outH + oh) * outW + ow] = (p * s[2] + ih) * s[3] + sourceIndex(ow, s[3], outW);
                }
            }
        }
        float[] in = x.data();
        float[] out = Buffers.allocate(source.length);
        for (int i = 0; i < out.length; i++) out[i] = in[source[i]];
        return Tensor.fromOp(new ResizeNearest(x, source), out, new int[] {s[0], s[1], outH, outW});
    }

    /** Integer labels (n, h, w) resized the same way; no tensor, no tape. */
    public static int[] labels(int[] labels, int n, int h, int w, int outH, int outW) {
        int[] out = new int[n * outH * outW];
        labelsInto(labels, n, h, w, outH, outW, out);
        return out;
    }

    /** {@link #labels} into {@code out}, {@code n * outH * outW} labels. */
    public static void labelsInto(int[] labels, int n, int h, int w, int outH, int outW, int[] out) {
        if (labels.length != n * h * w) {
            throw new IllegalArgumentException("resizeNearest: " + labels.length + " labels for shape [" + n + ", " + h + ", " + w + "]");
        }
        if (out.length != n * outH * outW) {
            throw new IllegalArgumentException("resizeNearest: out has " + out.length + " labels for shape [" + n + ", " + outH + ", "
                    + outW + "]");
        }
        for (int b = 0; b < n; b++) {
            for (int oh = 0; oh < outH; oh++) {
                int ih = sourceIndex(oh, h, outH);
                for (int ow = 0; ow < outW; ow++) {
                    out[(b * outH + oh) * outW + ow] = labels[(b * h + ih) * w + sourceIndex(ow, w, outW)];
                }
            }
        }
    }

    static int sourceIndex(int dst, int in, int out) {
        return Math.min((int) Math.floor(dst * ((double) in / out)), in - 1);
    }

    @Override
    protected void backward(float[] g) {
        float[] gx = gradOf(0);
        if (gx == null) return;
        for (int i = 0; i < g.length; i++) gx[source[i]] += g[i];
    }
}
