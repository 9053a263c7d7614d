package org.regionwise.autodiff;

import org.regionwise.autodiff.backend.Storage;

/**
 * One recorded op on the tape: it remembers its inputs and whatever its backward needs, and turns the
 * gradient of its output into gradients of its inputs, accumulated with {@code +=}.
 *
 * <p>Subclasses compute their forward in a static factory and hand the result to
 * {@link Tensor#fromOp(Function, float[], int[])}, which records the Function only when it is needed.
 */
public abstract class Function {
    private final Tensor[] inputs;
    /** Where the op was created; captured only in anomaly mode because stack walks are expensive. */
    private final Throwable creationSite;

    protected Function(Tensor... inputs) {
        this.inputs = inputs;
        this.creationSite = Anomaly.isEnabled() ? new Throwable("the failing op was created here") : null;
    }

    /**
     * Accumulates input gradients given the gradient of this op's output (same size as the output). Ops
     * that run on backend kernels override this; the default hands the gradient over as a host array.
     */
    protected void backward(Storage gradOut) {
        backward(gradOut.host());
    }

    /** {@link #backward(Storage)} on host arrays: what most ops implement. */
    protected void backward(float[] gradOut) {
        throw new UnsupportedOperationException(name() + " implements neither backward(Storage) nor backward(float[])");
    }

    public String name() {
        return getClass().getSimpleName();
    }

    final Tensor[] inputs() {
        return inputs;
    }

    final Throwable creationSite() {
        return creationSite;
    }

    /** The gradient buffer of input {@code i}, or null when that input needs no gradient. */
    protected final float[] gradOf(int i) {
        Tensor t = inputs[i];
        return t.requiresGrad() ? t.gradBuffer() : null;
    }

    /** The gradient storage of input {@code i}, or null when that input needs no gradient. */
    protected final Storage gradStorageOf(int i) {
        Tensor t = inputs[i];
        return t.requiresGrad() ? t.gradStorage() : null;
    }

    protected final int inputCount() {
        return inputs.length;
    }

    protected final Tensor input(int i) {
        return inputs[i];
    }
}
