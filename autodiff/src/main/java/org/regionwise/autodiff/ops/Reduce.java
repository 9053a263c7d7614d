package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Buffers;
import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * Sum, mean and max over a set of axes. Each input element is mapped to its output slot by the same
 * index map broadcasting uses, so backward is a broadcast of the output gradient. Sum and mean run on the
 * op's kernel, {@link ReduceKernel} (a device's when the backend has one); max on the host.
 */
public final class Reduce extends Function {

    public enum Kind { SUM, MEAN, MAX }

    private final Kind kind;
    private final int[] shape;
    private final boolean[] reduced;
    /** For MAX: the input index that won each output slot (first occurrence, NaN wins as in PyTorch). */
    private final int[] argmax;

    private Reduce(Kind kind, Tensor x, int[] shape, boolean[] reduced, int[] argmax) {
        super(x);
        this.kind = kind;
        this.shape = shape;
        this.reduced = reduced;
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
        if (kind != Kind.MAX) {
            // Sum and mean run on the op's kernel (a device's when it has one): the result may stay there.
            Backend backend = x.backend();
            Storage out = backend.allocateScratch(Shape.numel(kept));
            kernel(backend).forward(shape, reduced, kind == Kind.MEAN, x.storage(), out);
            return Tensor.fromOp(new Reduce(kind, x, shape, reduced, null), out, outShape);
        }
        // Max stays on the host (no loss or layer uses it in training): index map and first-winner argmax.
        int[] map = IndexMap.broadcast(kept, shape);
        float[] in = x.data();
        float[] out = Buffers.allocate(Shape.numel(kept));
        int[] argmax = new int[out.length];
        java.util.Arrays.fill(argmax, -1);
        for (int i = 0; i < in.length; i++) {
            int o = map[i];
            int best = argmax[o];
            if (best < 0 || in[i] > in[best] || (Float.isNaN(in[i]) && !Float.isNaN(in[best]))) argmax[o] = i;
        }
        for (int o = 0; o < out.length; o++) out[o] = in[argmax[o]];
        return Tensor.fromOp(new Reduce(kind, x, shape, reduced, argmax), out, outShape);
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        if (gx == null) return;
        if (kind != Kind.MAX) {
            kernel(input(0).backend()).backward(shape, reduced, kind == Kind.MEAN, g, gx);
            return;
        }
        float[] grad = g.host();
        float[] d = gx.host();
        for (int o = 0; o < grad.length; o++) d[argmax[o]] += grad[o];
        gx.hostWritten();
    }

    private static ReduceKernel kernel(Backend backend) {
        return backend.kernels().fused(ReduceKernel.class, ReduceKernel.HOST);
    }

    @Override
    public String name() {
        return "Reduce." + kind;
    }
}
