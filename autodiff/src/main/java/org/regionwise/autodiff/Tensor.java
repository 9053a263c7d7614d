package org.regionwise.autodiff;

import java.util.Arrays;
import java.util.Random;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.BinaryOp;
import org.regionwise.autodiff.ops.Concat;
import org.regionwise.autodiff.ops.LeakyRelu;
import org.regionwise.autodiff.ops.MatMul;
import org.regionwise.autodiff.ops.Permute;
import org.regionwise.autodiff.ops.Pointwise;
import org.regionwise.autodiff.ops.Reduce;
import org.regionwise.autodiff.ops.Reshape;
import org.regionwise.autodiff.ops.Slice;
import org.regionwise.autodiff.ops.Softmax;
import org.regionwise.autodiff.ops.UnaryOp;

/**
 * A float32 tensor: a shape over contiguous row-major storage, plus what autodiff needs (whether it
 * requires grad, its gradient, and the op that produced it).
 *
 * <p>Elementwise and shape methods live here for fluent use ({@code x.mul(w).add(b).relu()}); convolution,
 * pooling and resizing are in {@link Functional}. Gradients accumulate across backward calls until
 * {@link #zeroGrad()}. Gradients of intermediate tensors are freed after use unless {@link #retainGrad()}.
 */
public final class Tensor {
    private final Storage storage;
    private final int[] shape;
    private boolean requiresGrad;
    private Function gradFn;
    private Storage grad;
    private boolean retainGrad;

    private Tensor(Storage storage, int[] shape) {
        if (storage.size() != Shape.numel(shape)) {
            throw new IllegalArgumentException("tensor: " + storage.size() + " values do not fill shape " + Shape.str(shape));
        }
        this.storage = storage;
        this.shape = shape.clone();
    }

    // ---- creation -------------------------------------------------------------------------------

    /** A tensor that adopts {@code data} (no copy) on the default backend. */
    public static Tensor of(float[] data, int... shape) {
        return new Tensor(Backends.getDefault().fromHost(data), shape);
    }

    public static Tensor scalar(float value) {
        return of(new float[] {value});
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(Backends.getDefault().allocate(Shape.numel(shape)), shape);
    }

    public static Tensor full(float value, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        Arrays.fill(d, value);
        return of(d, shape);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** Standard normal entries from {@code random} (reproducible for a seeded Random). */
    public static Tensor randn(Random random, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = (float) random.nextGaussian();
        return of(d, shape);
    }

    /** Uniform entries in [lo, hi). */
    public static Tensor uniform(Random random, float lo, float hi, int... shape) {
        float[] d = new float[Shape.numel(shape)];
        for (int i = 0; i < d.length; i++) d[i] = lo + (hi - lo) * random.nextFloat();
        return of(d, shape);
    }

    /**
     * The result of an op: records {@code fn} on the tape only if grad mode is on and some input requires
     * grad, so inference builds no graph.
     */
    public static Tensor fromOp(Function fn, float[] data, int[] shape) {
        Tensor out = new Tensor(Backends.getDefault().fromHost(data), shape);
        out.attach(fn);
        return out;
    }

    /** Like {@link #fromOp(Function, float[], int[])} for a result already in storage (possibly on a device). */
    public static Tensor fromOp(Function fn, Storage storage, int[] shape) {
        Tensor out = new Tensor(storage, shape);
        out.attach(fn);
        return out;
    }

    /** Like {@link #fromOp(Function, float[], int[])} for an op whose result shares the storage of its input. */
    public static Tensor viewFromOp(Function fn, Storage storage, int[] shape) {
        Tensor out = new Tensor(storage, shape);
        out.attach(fn);
        return out;
    }

    private void attach(Function fn) {
        if (!GradMode.isEnabled()) return;
        for (Tensor input : fn.inputs()) {
            if (input.requiresGrad) {
                this.requiresGrad = true;
                this.gradFn = fn;
                return;
            }
        }
    }

    // ---- data -----------------------------------------------------------------------------------

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[Shape.axis("dim", axis, shape.length)];
    }

    public int rank() {
        return shape.length;
    }

    public int numel() {
        return storage.size();
    }

    public Backend backend() {
        return storage.backend();
    }

    public Storage storage() {
        return storage;
    }

    /**
     * The host array behind this tensor, shared, not copied: ops read it, and code that writes into it
     * (optimisers, data loaders) must call {@link Storage#hostWritten()} for device backends.
     */
    public float[] data() {
        return storage.host();
    }

    public float[] toArray() {
        return data().clone();
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (numel() != 1) throw new IllegalStateException("item: tensor of shape " + Shape.str(shape) + " has " + numel() + " elements");
        return data()[0];
    }

    /** Same storage, no history, no grad. */
    public Tensor detach() {
        return new Tensor(storage, shape);
    }

    /** A deep copy of the values with no history. */
    public Tensor copy() {
        return of(toArray(), shape);
    }

    // ---- autodiff state -------------------------------------------------------------------------

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor as a parameter whose gradient backward should compute. */
    public Tensor requiresGrad(boolean value) {
        if (gradFn != null && !value) {
            throw new IllegalStateException("requiresGrad(false) on a non-leaf tensor: use detach()");
        }
        this.requiresGrad = value;
        return this;
    }

    public boolean isLeaf() {
        return gradFn == null;
    }

    public Function gradFn() {
        return gradFn;
    }

    /** Keep this non-leaf tensor's gradient after backward (leaves always keep theirs). */
    public Tensor retainGrad() {
        this.retainGrad = true;
        return this;
    }

    boolean retainsGrad() {
        return retainGrad || gradFn == null;
    }

    /** The accumulated gradient as a tensor sharing the gradient buffer, or null before any backward. */
    public Tensor grad() {
        return grad == null ? null : new Tensor(grad, shape);
    }

    /** Whether a gradient buffer exists (a backward pass reached this tensor), without wrapping it. */
    public boolean hasGrad() {
        return grad != null;
    }

    /**
     * The gradient as a host array, allocated (zeros) on first use, for code that reads or writes it there;
     * the device copy, if any, is marked stale, as the caller may write. Backward passes accumulate into it.
     */
    public float[] gradBuffer() {
        Storage g = gradStorage();
        float[] host = g.host();
        g.hostWritten();
        return host;
    }

    /** The gradient's storage, on this tensor's backend, allocated (zeros) on first use. */
    public Storage gradStorage() {
        // Leaf gradients (parameters') outlive a training step, so they never come from a BufferArena.
        if (grad == null) grad = isLeaf() ? backend().allocate(numel()) : backend().allocateScratch(numel());
        return grad;
    }

    Storage gradOrNull() {
        return grad;
    }

    void releaseGrad() {
        grad = null;
    }

    /** Sets the accumulated gradient to zero (keeps the buffer, as optimisers reuse it). */
    public void zeroGrad() {
        if (grad != null) grad.backend().kernels().fill(grad, 0f);
    }

    /** Backward from a one-element tensor (a loss), seeding its gradient with 1. */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward() needs a one-element tensor, got shape " + Shape.str(shape)
                    + ": reduce it (sum/mean) or pass a seed gradient");
        }
        backward(new float[] {1f});
    }

    /** Backward with an explicit seed gradient of this tensor's size. */
    public void backward(float[] seed) {
        Autograd.backward(this, seed);
    }

    // ---- elementwise (broadcasting) -------------------------------------------------------------

    public Tensor add(Tensor other) { return BinaryOp.apply(BinaryOp.Kind.ADD, this, other); }
    public Tensor sub(Tensor other) { return BinaryOp.apply(BinaryOp.Kind.SUB, this, other); }
    public Tensor mul(Tensor other) { return BinaryOp.apply(BinaryOp.Kind.MUL, this, other); }
    public Tensor div(Tensor other) { return BinaryOp.apply(BinaryOp.Kind.DIV, this, other); }
    // A scalar operand is a pointwise op, not a broadcast constant tensor: the same float operation, and on a
    // device backend no constant to upload.
    public Tensor add(float c) { return UnaryOp.apply(Pointwise.addScalar(c), this); }
    public Tensor sub(float c) { return UnaryOp.apply(Pointwise.addScalar(-c), this); }
    public Tensor mul(float c) { return UnaryOp.apply(Pointwise.mulScalar(c), this); }
    public Tensor div(float c) { return UnaryOp.apply(Pointwise.divScalar(c), this); }

    public Tensor neg() { return UnaryOp.apply(Pointwise.NEG, this); }
    public Tensor exp() { return UnaryOp.apply(Pointwise.EXP, this); }
    public Tensor log() { return UnaryOp.apply(Pointwise.LOG, this); }
    public Tensor sqrt() { return UnaryOp.apply(Pointwise.SQRT, this); }
    public Tensor abs() { return UnaryOp.apply(Pointwise.ABS, this); }
    public Tensor relu() { return UnaryOp.apply(Pointwise.RELU, this); }
    public Tensor pow(float exponent) { return UnaryOp.apply(Pointwise.pow(exponent), this); }
    public Tensor clamp(float min, float max) { return UnaryOp.apply(Pointwise.clamp(min, max), this); }
    public Tensor leakyRelu(float negativeSlope) { return LeakyRelu.apply(this, negativeSlope); }

    // ---- reductions ------------------------------------------------------------------------------

    /** Sum of all elements, as a one-element tensor of shape []. */
    public Tensor sum() { return Reduce.apply(Reduce.Kind.SUM, this, allAxes(), false); }
    public Tensor mean() { return Reduce.apply(Reduce.Kind.MEAN, this, allAxes(), false); }
    public Tensor max() { return Reduce.apply(Reduce.Kind.MAX, this, allAxes(), false); }
    public Tensor sum(int[] axes, boolean keepDim) { return Reduce.apply(Reduce.Kind.SUM, this, axes, keepDim); }
    public Tensor mean(int[] axes, boolean keepDim) { return Reduce.apply(Reduce.Kind.MEAN, this, axes, keepDim); }
    public Tensor max(int[] axes, boolean keepDim) { return Reduce.apply(Reduce.Kind.MAX, this, axes, keepDim); }
    public Tensor sum(int axis, boolean keepDim) { return sum(new int[] {axis}, keepDim); }
    public Tensor mean(int axis, boolean keepDim) { return mean(new int[] {axis}, keepDim); }
    public Tensor max(int axis, boolean keepDim) { return max(new int[] {axis}, keepDim); }

    private int[] allAxes() {
        int[] a = new int[shape.length];
        for (int i = 0; i < a.length; i++) a[i] = i;
        return a;
    }

    // ---- shape -----------------------------------------------------------------------------------

    /** Same storage, new shape (one dimension may be -1 and is inferred). No copy. */
    public Tensor reshape(int... newShape) { return Reshape.apply(this, newShape); }
    public Tensor permute(int... order) { return Permute.apply(this, order); }
    public Tensor transpose(int axisA, int axisB) { return Permute.transpose(this, axisA, axisB); }
    /** Elements [start, end) along {@code axis}, copied. */
    public Tensor slice(int axis, int start, int end) { return Slice.apply(this, axis, start, end); }
    public static Tensor concat(int axis, Tensor... tensors) { return Concat.apply(axis, tensors); }

    // ---- linear algebra and softmax ----------------------------------------------------------------

    /** Batched matrix product over the last two axes; batch axes must match, or one side is 2-D. */
    public Tensor matmul(Tensor other) { return MatMul.apply(this, other); }
    public Tensor softmax(int axis) { return Softmax.apply(this, axis, false); }
    public Tensor logSoftmax(int axis) { return Softmax.apply(this, axis, true); }

    // ---- printing ----------------------------------------------------------------------------------

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor(shape=").append(Shape.str(shape));
        if (requiresGrad) sb.append(", requiresGrad=true");
        if (gradFn != null) sb.append(", gradFn=").append(gradFn.name());
        sb.append(")\n");
        TensorFormat.append(sb, data(), shape);
        return sb.toString();
    }
}
