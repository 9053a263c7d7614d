package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/** Reorders axes (copying into contiguous storage); backward applies the inverse permutation. */
public final class Permute extends Function {
    /** For each output element, the flat index of the input element it came from. */
    private final int[] source;

    private Permute(Tensor x, int[] source) {
        super(x);
        this.source = source;
    }

    public static Tensor transpose(Tensor x, int axisA, int axisB) {
        int rank = x.rank();
        int[] order = new int[rank];
        for (int i = 0; i < rank; i++) order[i] = i;
        int a = Shape.axis("transpose", axisA, rank);
        int b = Shape.axis("transpose", axisB, rank);
        order[a] = b;
        order[b] = a;
        return apply(x, order);
    }

    public static Tensor apply(Tensor x, int... order) {
        int[] shape = x.shape();
        if (order.length != shape.length) {
            throw new IllegalArgumentException("permute: order " + Shape.str(order) + " does not match shape " + Shape.str(shape));
        }
        boolean[] seen = new boolean[shape.length];
        int[] outShape = new int[shape.length];
        int[] inStrides = Shape.strides(shape);
        int[] readStrides = new int[shape.length];
        for (int i = 0; i < order.length; i++) {
            int a = Shape.axis("permute", order[i], shape.length);
            if (seen[a]) throw new IllegalArgumentException("permute: axis " + a + " repeated in " + Shape.str(order));
            seen[a] = true;
            outShape[i] = shape[a];
            readStrides[i] = inStrides[a];
        }
        int n = x.numel();
        int[] source = new int[n];
        int[] idx = new int[shape.length];
        int src = 0;
        for (int i = 0; i < n; i++) {
            source[i] = src;
            for (int a = shape.length - 1; a >= 0; a--) {
                idx[a]++;
                src += readStrides[a];
                if (idx[a] < outShape[a]) break;
                src -= readStrides[a] * outShape[a];
                idx[a] = 0;
            }
        }
        float[] in = x.data();
        float[] out = Buffers.allocate(n);
        for (int i = 0; i < n; i++) out[i] = in[source[i]];
        return Tensor.fromOp(new Permute(x, source), out, outShape);
    }

    @Override
    protected void backward(float[] g) {
        float[] gx = gradOf(0);
        if (gx == null) return;
        for (int i = 0; i < g.length; i++) gx[source[i]] += g[i];
    }
}
