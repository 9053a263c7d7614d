package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Storage;

/** A new shape over the same storage (no copy); the gradient passes through unchanged. */
public final class Reshape extends Function {

    private Reshape(Tensor x) {
        super(x);
    }

    public static Tensor apply(Tensor x, int... newShape) {
        int[] shape = newShape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: more than one -1 in " + Shape.str(newShape));
                infer = i;
            } else {
                if (shape[i] < 0) throw new IllegalArgumentException("reshape: negative size in " + Shape.str(newShape));
                known *= shape[i];
            }
        }
        if (infer >= 0) {
            if (known == 0 || x.numel() % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shape.str(x.shape()) + " to " + Shape.str(newShape));
            }
            shape[infer] = (int) (x.numel() / known);
        }
        if (Shape.numel(shape) != x.numel()) {
            throw new IllegalArgumentException("reshape: shapes " + Shape.str(x.shape()) + " and " + Shape.str(newShape)
                    + " have different element counts");
        }
        return Tensor.viewFromOp(new Reshape(x), x.storage(), shape);
    }

    @Override
    protected void backward(Storage g) {
        Storage gx = gradStorageOf(0);
        if (gx != null) input(0).backend().kernels().copyBlocks(1, g.size(), g, 0, 0, gx, 0, 0, true);
    }
}
