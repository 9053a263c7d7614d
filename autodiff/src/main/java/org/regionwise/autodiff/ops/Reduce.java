package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * Sum, mean and max over a set of axes. Each input element is mapped to its output slot by the same
 * index map broadcasting uses, so backward is a broadcast of the output gradient.
 */
public final class Reduce extends Function {

    public enum Kind { SUM, MEAN, MAX }

    private final Kind kind;
    private final int[] map;
    private final int count;
    /** For MAX: the input index that won each output slot (first occurrence, NaN wins as in PyTorch). */
    private final int[] argmax;

    private Reduce(Kind kind, Tensor x, int[] map, int count, int[] argmax) {
        super(x);
        this.kind = kind;
        this.map = map;
        this.count = count;
        this.argmax = argmax;
    }

    public static Tensor apply(Kind kind, Tensor x, int[] axes, boolean keepDim) {
        String op = kind.name().toLowerCase(java.util.Locale.ROOT);
        int[] shape = x.shape();
        boolean[] reduced = new boolean[shape.length];
        for (int a : axes) {
            int axis = Shape.axis(op, a, shape.length);
            if (reduced[axis]) throw new IllegalArgumentException(op + ": axis " + a + " given twice");
            reduced[axis] = true;
        }
        int[] kept = shape.clone();
        int count = 1;
        int outRank = 0;
        for (int i = 0; i < shape.length; i++) {
            if (reduced[i]) {
                count *= shape[i];
                kept[i] = 1;
            } else {
                outRank++;
            }
        }
        if (count == 0) throw new IllegalArgumentException(op + ": reducing an empty axis of shape " + Shape.str(shape));
        int[] outShape = keepDim ? kept : new int[outRank];
        if (!keepDim) {
            for (int i = 0, j = 0; i < shape.length; i++) if (!reduced[i]) outShape[j++] = shape[i];
        }
        int[] map = IndexMap.broadcast(kept, shape);
        float[] in = x.data();
        float[] out = Buffers.allocate(Shape.numel(kept));
        int[] argmax = null;
        if (kind == Kind.MAX) {
            argmax = new int[out.length];
            java.util.Arrays.fill(argmax, -1);
            for (int i = 0; i < in.length; i++) {
                int o = map[i];
                int best = argmax[o];
                if (best < 0 || in[i] > in[best] || (Float.isNaN(in[i]) && !Float.isNaN(in[best]))) argmax[o] = i;
            }
            for (int o = 0; o < out.length; o++) out[o] = in[argmax[o]];
        } else {
            double[] acc = new double[out.length];
            for (int i = 0; i < in.length; i++) acc[map[i]] += in[i];
            double scale = kind == Kind.MEAN ? 1.0 / count : 1.0;
            for (int o = 0; o < out.length; o++) out[o] = (float) (acc[o] * scale);
        }
        return Tensor.fromOp(new Reduce(kind, x, map, count, argmax), out, outShape);
    }

    @Override
    protected void backward(float[] g) {
        float[] gx = gradOf(0);
        if (gx == null) return;
        switch (kind) {
            case SUM -> { for (int i = 0; i < gx.length; i++) gx[i] += g[map[i]]; }
            case MEAN -> {
                float scale = 1f / count;
                for (int i = 0; i < gx.length; i++) gx[i] += g[map[i]] * scale;
            }
            case MAX -> { for (int o = 0; o < g.length; o++) gx[argmax[o]] += g[o]; }
        }
    }

    @Override
    public String name() {
        return "Reduce." + kind;
    }
}
