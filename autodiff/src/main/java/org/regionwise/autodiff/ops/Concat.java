package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;

/** Joins tensors along one axis (all other axes equal); backward hands each input its block. */
public final class Concat extends Function {
    private final int outer;
    private final int inner;
    private final int[] lengths;
    private final int total;

    private Concat(Tensor[] xs, int outer, int inner, int[] lengths, int total) {
        super(xs);
        this.outer = outer;
        this.inner = inner;
        this.lengths = lengths;
        this.total = total;
    }

    public static Tensor apply(int axis, Tensor... xs) {
        if (xs.length == 0) throw new IllegalArgumentException("concat: no tensors");
        int[] first = xs[0].shape();
        int a = Shape.axis("concat", axis, first.length);
        int[] lengths = new int[xs.length];
        int total = 0;
        for (int t = 0; t < xs.length; t++) {
            int[] s = xs[t].shape();
            boolean ok = s.length == first.length;
            for (int i = 0; ok && i < s.length; i++) ok = i == a || s[i] == first[i];
            if (!ok) {
                throw new IllegalArgumentException("concat: shapes " + Shape.str(first) + " and " + Shape.str(s)
                        + " differ outside axis " + a);
            }
            lengths[t] = s[a];
            total += s[a];
        }
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= first[i];
        int inner = 1;
        for (int i = a + 1; i < first.length; i++) inner *= first[i];
        Kernels kernels = xs[0].backend().kernels();
        Storage out = xs[0].backend().allocateScratch(outer * total * inner);
        int offset = 0;
        for (int t = 0; t < xs.length; t++) {
            int block = lengths[t] * inner;
            kernels.copyBlocks(outer, block, xs[t].storage(), 0, block, out, offset * inner, total * inner, false);
            offset += lengths[t];
        }
        int[] outShape = first.clone();
        outShape[a] = total;
        return Tensor.fromOp(new Concat(xs, outer, inner, lengths, total), out, outShape);
    }

    @Override
    protected void backward(Storage g) {
        Kernels kernels = input(0).backend().kernels();
        int offset = 0;
        for (int t = 0; t < lengths.length; t++) {
            Storage gx = gradStorageOf(t);
            int block = lengths[t] * inner;
            if (gx != null) kernels.copyBlocks(outer, block, g, offset * inner, total * inner, gx, 0, block, true);
            offset += lengths[t];
        }
    }
}
