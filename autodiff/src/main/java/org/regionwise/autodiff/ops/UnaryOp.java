package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * Applies a {@link Pointwise} function elementwise; backward multiplies by its derivative. The op owns its
 * kernel, {@link PointwiseKernel}: the backend's when it has one (on a device the result stays there), else
 * the host body.
 */
public final class UnaryOp extends Function {
    private final Pointwise fn;
    private final Storage out;

    private UnaryOp(Pointwise fn, Tensor x, Storage out) {
        super(x);
        this.fn = fn;
        this.out = out;
    }

    public static Tensor apply(Pointwise fn, Tensor x) {
        Backend backend = x.backend();
        Storage y = backend.allocateScratch(x.numel());
        kernel(backend).forward(fn, x.storage(), y);
        return Tensor.fromOp(new UnaryOp(fn, x, y), y, x.shape());
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        if (gx == null) return;
        kernel(input(0).backend()).backward(fn, input(0).storage(), out, g, gx);
    }

    private static PointwiseKernel kernel(Backend backend) {
        return backend.kernels().fused(PointwiseKernel.class, PointwiseKernel.HOST);
    }

    @Override
    public String name() {
        return "UnaryOp." + fn.name();
    }
}
