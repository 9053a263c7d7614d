package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;

/** Applies a {@link Pointwise} function elementwise; backward multiplies by its derivative. */
public final class UnaryOp extends Function {
    private final Pointwise fn;
    private final float[] out;

    private UnaryOp(Pointwise fn, Tensor x, float[] out) {
        super(x);
        this.fn = fn;
        this.out = out;
    }

    public static Tensor apply(Pointwise fn, Tensor x) {
        float[] in = x.data();
        float[] y = Buffers.allocate(in.length);
        for (int i = 0; i < y.length; i++) y[i] = fn.value().at(in[i]);
        return Tensor.fromOp(new UnaryOp(fn, x, y), y, x.shape());
    }

    @Override
    protected void backward(float[] g) {
        float[] gx = gradOf(0);
        if (gx == null) return;
        float[] in = input(0).data();
        for (int i = 0; i < g.length; i++) gx[i] += g[i] * fn.derivative().at(in[i], out[i]);
    }

    @Override
    public String name() {
        return "UnaryOp." + fn.name();
    }
}
