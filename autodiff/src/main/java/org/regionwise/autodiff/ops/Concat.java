package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

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
        float[] out = Buffers.allocate(outer * total * inner);
        int offset = 0;
        for (int t = 0; t < xs.length; t++) {
            float[] in = xs[t].data();
            int block = lengths[t] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(in, o * block, out, (o * total + offset) * inner, block);
            }
            offset += lengths[t];
        }
        int[] outShape = first.clone();
        outShape[a] = total;
        return Tensor.fromOp(new Concat(xs, outer, inner, lengths, total), out, outShape);
    }

    @Override
    protected void backward(float[] g) {
        int offset = 0;
        for (int t = 0; t < lengths.length; t++) {
            float[] gx = gradOf(t);
            int block = lengths[t] * inner;
            if (gx != null) {
                for (int o = 0; o < outer; o++) {
                    int from = (o * total + offset) * inner;
                    for (int i = 0; i < block; i++) gx[o * block + i] += g[from + i];
                }
            }
            offset += lengths[t];
        }
    }
}
