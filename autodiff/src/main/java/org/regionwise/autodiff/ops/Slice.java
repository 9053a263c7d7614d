package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Storage;

/** Elements [start, end) along one axis, copied; backward scatters the gradient back into that range. */
public final class Slice extends Function {
    private final int outer;
    private final int inner;
    private final int inLen;
    private final int start;
    private final int len;

    private Slice(Tensor x, int outer, int inner, int inLen, int start, int len) {
        super(x);
        this.outer = outer;
        this.inner = inner;
        this.inLen = inLen;
        this.start = start;
        this.len = len;
    }

    public static Tensor apply(Tensor x, int axis, int start, int end) {
        int[] shape = x.shape();
        int a = Shape.axis("slice", axis, shape.length);
        if (start < 0 || end > shape[a] || start >= end) {
            throw new IllegalArgumentException("slice: range [" + start + ", " + end + ") invalid for axis " + a
                    + " of shape " + Shape.str(shape));
        }
        int outer = 1;
        for (int i = 0; i < a; i++) outer *= shape[i];
        int inner = 1;
        for (int i = a + 1; i < shape.length; i++) inner *= shape[i];
        int len = end - start;
        Storage out = x.backend().allocateScratch(outer * len * inner);
        // One strided block copy (a shared primitive of the kernel SPI, so it stays on a device).
        x.backend().kernels().copyBlocks(outer, len * inner, x.storage(), start * inner, shape[a] * inner, out, 0, len * inner, false);
        int[] outShape = shape.clone();
        outShape[a] = len;
        return Tensor.fromOp(new Slice(x, outer, inner, shape[a], start, len), out, outShape);
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        if (gx == null) return;
        input(0).backend().kernels().copyBlocks(outer, len * inner, g, 0, len * inner, gx, start * inner, inLen * inner, true);
    }
}
