package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/** The host body of {@link PointwiseKernel}: the function's own lambdas, one element at a time. */
public final class HostPointwise implements PointwiseKernel {
    HostPointwise() {}

    @Override
    public void forward(Pointwise fn, Storage x, Storage y) {
        float[] in = x.host();
        float[] out = y.host();
        for (int i = 0; i < out.length; i++) out[i] = fn.value().at(in[i]);
        y.hostWritten();
    }

    @Override
    public void backward(Pointwise fn, Storage x, Storage y, Storage gy, Storage gx) {
        float[] in = x.host();
        float[] out = y.host();
        float[] g = gy.host();
        float[] d = gx.host();
        for (int i = 0; i < g.length; i++) d[i] += g[i] * fn.derivative().at(in[i], out[i]);
        gx.hostWritten();
    }
}
