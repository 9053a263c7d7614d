package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link ReduceKernel}: every input element is mapped to its output slot by the index map
 * broadcasting uses ({@link IndexMap}), sums in double in input order, so the backward is a broadcast.
 */
public final class HostReduce implements ReduceKernel {
    HostReduce() {}

    @Override
    public void forward(int[] shape, boolean[] reduced, boolean mean, Storage x, Storage out) {
        int[] map = IndexMap.broadcast(kept(shape, reduced), shape);
        float[] in = x.host();
        float[] o = out.host();
        double[] acc = new double[o.length];
        for (int i = 0; i < in.length; i++) acc[map[i]] += in[i];
        double s = mean ? 1.0 / ReduceKernel.count(shape, reduced) : 1.0;
        for (int k = 0; k < o.length; k++) o[k] = (float) (acc[k] * s);
        out.hostWritten();
    }

    @Override
    public void backward(int[] shape, boolean[] reduced, boolean mean, Storage g, Storage gx) {
        int[] map = IndexMap.broadcast(kept(shape, reduced), shape);
        float[] grad = g.host();
        float[] d = gx.host();
        if (!mean) {
            for (int i = 0; i < d.length; i++) d[i] += grad[map[i]];
        } else {
            float scale = 1f / ReduceKernel.count(shape, reduced);
            for (int i = 0; i < d.length; i++) d[i] += grad[map[i]] * scale;
        }
        gx.hostWritten();
    }

    /** {@code shape} with the reduced axes set to 1. */
    static int[] kept(int[] shape, boolean[] reduced) {
        int[] kept = shape.clone();
        for (int d = 0; d < shape.length; d++) if (reduced[d]) kept[d] = 1;
        return kept;
    }
}
