package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.Kernels;

/**
 * Transposed 2D convolution, PyTorch's ConvTranspose2d: input (N, Cin, H, W), weight (Cin, Cout, kh, kw).
 * It is the backward-data pass of the convolution that would map its output back to its input, so the
 * three passes reuse the convolution kernels with the roles of input and output swapped:
 * forward = conv backward-data, input gradient = conv forward, weight gradient = conv backward-weight.
 */
public final class ConvTranspose2d extends Function {
    private final ConvGeometry geometry;

    private ConvTranspose2d(Tensor x, Tensor w, Tensor bias, ConvGeometry geometry) {
        super(bias == null ? new Tensor[] {x, w} : new Tensor[] {x, w, bias});
        this.geometry = geometry;
    }

    public static Tensor apply(Tensor x, Tensor w, Tensor bias, int stride, int padding, int outputPadding, int dilation) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        if (xs.length != 4 || ws.length != 4 || xs[1] != ws[0]) {
            throw new IllegalArgumentException("convTranspose2d: input " + Shape.str(xs) + " (N, Cin, H, W) and weight "
                    + Shape.str(ws) + " (Cin, Cout, R, S) do not match");
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != ws[1])) {
            throw new IllegalArgumentException("convTranspose2d: bias " + Shape.str(bias.shape()) + " does not match weight " + Shape.str(ws));
        }
        if (outputPadding < 0 || outputPadding >= Math.max(stride, dilation)) {
            throw new IllegalArgumentException("convTranspose2d: output padding " + outputPadding
                    + " must be smaller than stride or dilation");
        }
        int outH = (xs[2] - 1) * stride - 2 * padding + dilation * (ws[2] - 1) + outputPadding + 1;
        int outW = (xs[3] - 1) * stride - 2 * padding + dilation * (ws[3] - 1) + outputPadding + 1;
        if (outH <= 0 || outW <= 0) {
            throw new IllegalArgumentException("convTranspose2d: padding " + padding + " leaves no output for input " + Shape.str(xs));
        }
        // The convolution whose input is our output and whose output is our input.
        ConvGeometry g = new ConvGeometry(xs[0], ws[1], outH, outW, ws[0], ws[2], ws[3],
                stride, stride, padding, padding, dilation, dilation, xs[2], xs[3]);
        float[] y = Buffers.allocate(g.inputSize());
        x.backend().kernels().conv2dBackwardData(g, x.data(), w.data(), y);
        if (bias != null) {
            float[] b = bias.data();
            int plane = outH * outW;
            for (int n = 0; n < g.n(); n++) {
                for (int c = 0; c < g.c(); c++) {
                    int base = (n * g.c() + c) * plane;
                    for (int i = 0; i < plane; i++) y[base + i] += b[c];
                }
            }
        }
        return Tensor.fromOp(new ConvTranspose2d(x, w, bias, g), y, new int[] {g.n(), g.c(), outH, outW});
    }

    @Override
    protected void backward(float[] g) {
        Kernels kernels = input(0).backend().kernels();
        float[] gx = gradOf(0);
        float[] gw = gradOf(1);
        float[] gb = inputCount() == 3 ? gradOf(2) : null;
        if (gx != null) {
            float[] tmp = Buffers.allocate(geometry.outputSize());
            kernels.conv2dForward(geometry, g, input(1).data(), null, tmp);
            for (int i = 0; i < tmp.length; i++) gx[i] += tmp[i];
        }
        if (gw != null) kernels.conv2dBackwardWeight(geometry, g, input(0).data(), gw, null);
        if (gb != null) {
            int plane = geometry.h() * geometry.w();
            for (int n = 0; n < geometry.n(); n++) {
                for (int c = 0; c < geometry.c(); c++) {
                    double acc = 0;
                    int base = (n * geometry.c() + c) * plane;
                    for (int i = 0; i < plane; i++) acc += g[base + i];
                    gb[c] += (float) acc;
                }
            }
        }
    }
}
