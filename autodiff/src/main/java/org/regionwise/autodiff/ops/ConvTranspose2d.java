package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;

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
        Kernels kernels = x.backend().kernels();
        // The backward-data pass accumulates, so the zero-filled scratch output is its starting value.
        Storage y = x.backend().allocateScratch(g.inputSize());
        kernels.conv2dBackwardData(g, x.storage(), w.storage(), y);
        if (bias != null) kernels.addChannelBias(g.n(), g.c(), outH * outW, bias.storage(), y);
        return Tensor.fromOp(new ConvTranspose2d(x, w, bias, g), y, new int[] {g.n(), g.c(), outH, outW});
    }

    @Override
    protected void backward(Storage g) {
        Kernels kernels = input(0).backend().kernels();
        Storage gx = gradStorageOf(0);
        Storage gw = gradStorageOf(1);
        Storage gb = inputCount() == 3 ? gradStorageOf(2) : null;
        if (gx != null) {
            // The forward pass overwrites its output, so it writes into scratch that is then added to gx.
            Storage tmp = input(0).backend().allocateScratch(geometry.outputSize());
            kernels.conv2dForward(geometry, g, input(1).storage(), null, tmp);
            kernels.copyBlocks(1, tmp.size(), tmp, 0, 0, gx, 0, 0, true);
        }
        if (gw != null) kernels.conv2dBackwardWeight(geometry, g, input(0).storage(), gw, null);
        if (gb != null) kernels.channelSums(geometry.n(), geometry.c(), geometry.h() * geometry.w(), g, gb);
    }
}
