package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;

/**
 * 2D convolution (cross-correlation, as PyTorch), NCHW input, weight (out, in, kh, kw), optional bias,
 * with stride, zero padding and dilation. The three passes are the backend's conv kernels.
 */
public final class Conv2d extends Function {
    private final ConvGeometry geometry;

    private Conv2d(Tensor x, Tensor w, Tensor bias, ConvGeometry geometry) {
        super(bias == null ? new Tensor[] {x, w} : new Tensor[] {x, w, bias});
        this.geometry = geometry;
    }

    public static Tensor apply(Tensor x, Tensor w, Tensor bias, int stride, int padding, int dilation) {
        ConvGeometry g = geometry("conv2d", x, w, bias, stride, padding, dilation);
        Storage y = x.backend().allocateScratch(g.outputSize());
        Storage b = bias == null ? null : bias.storage();
        x.backend().kernels().conv2dForward(g, x.storage(), w.storage(), b, y);
        return Tensor.fromOp(new Conv2d(x, w, bias, g), y, new int[] {g.n(), g.k(), g.outH(), g.outW()});
    }

    static ConvGeometry geometry(String op, Tensor x, Tensor w, Tensor bias, int stride, int padding, int dilation) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        if (xs.length != 4 || ws.length != 4 || xs[1] != ws[1]) {
            throw new IllegalArgumentException(op + ": input " + Shape.str(xs) + " (N, C, H, W) and weight " + Shape.str(ws)
                    + " (K, C, R, S) do not match");
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != ws[0])) {
            throw new IllegalArgumentException(op + ": bias " + Shape.str(bias.shape()) + " does not match weight " + Shape.str(ws));
        }
        return ConvGeometry.of(xs[0], xs[1], xs[2], xs[3], ws[0], ws[2], ws[3], stride, padding, dilation);
    }

    @Override
    protected void backward(Storage g) {
        Kernels kernels = input(0).backend().kernels();
        Storage gx = gradStorageOf(0);
        Storage gw = gradStorageOf(1);
        Storage gb = inputCount() == 3 ? gradStorageOf(2) : null;
        if (gx != null) kernels.conv2dBackwardData(geometry, g, input(1).storage(), gx);
        if (gw != null || gb != null) {
            // The weight pass also produces the bias gradient; a frozen weight still needs a sink for it.
            Storage sinkW = gw != null ? gw : input(1).backend().allocateScratch(geometry.weightSize());
            kernels.conv2dBackwardWeight(geometry, input(0).storage(), g, sinkW, gb);
        }
    }
}
