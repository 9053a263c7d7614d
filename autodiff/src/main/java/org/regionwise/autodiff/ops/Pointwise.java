package org.regionwise.autodiff.ops;

/**
 * A scalar function with its derivative, written side by side. The derivative receives both the input x
 * and the output y, so ops like exp and sqrt reuse their forward value.
 *
 * <p>{@link #kind()} and the parameters {@link #p()}, {@link #q()} name the function for a device backend,
 * which cannot run the lambdas: its kernel evaluates the same formula by kind ({@link PointwiseKernel}).
 * {@link Kind#CUSTOM} functions have no device form and run on the host.
 */
public record Pointwise(String name, Value value, Derivative derivative, Kind kind, float p, float q) {

    @FunctionalInterface
    public interface Value { float at(float x); }

    @FunctionalInterface
    public interface Derivative { float at(float x, float y); }

    /** Which formula: the device kernels switch on this (p, q are its parameters). */
    public enum Kind { NEG, EXP, LOG, SQRT, ABS, RELU, POW, CLAMP, ADD_SCALAR, MUL_SCALAR, DIV_SCALAR, CUSTOM }

    /** A function known only by its lambdas: it runs on the host on every backend. */
    public Pointwise(String name, Value value, Derivative derivative) {
        this(name, value, derivative, Kind.CUSTOM, 0f, 0f);
    }

    public static final Pointwise NEG = new Pointwise("neg", x -> -x, (x, y) -> -1f, Kind.NEG, 0f, 0f);
    public static final Pointwise EXP = new Pointwise("exp", x -> (float) Math.exp(x), (x, y) -> y, Kind.EXP, 0f, 0f);
    public static final Pointwise LOG = new Pointwise("log", x -> (float) Math.log(x), (x, y) -> 1f / x, Kind.LOG, 0f, 0f);
    public static final Pointwise SQRT = new Pointwise("sqrt", x -> (float) Math.sqrt(x), (x, y) -> 0.5f / y, Kind.SQRT, 0f, 0f);
    /** d|x|/dx = sign(x), 0 at 0 (PyTorch's choice). */
    public static final Pointwise ABS = new Pointwise("abs", Math::abs, (x, y) -> Math.signum(x), Kind.ABS, 0f, 0f);
    public static final Pointwise RELU = new Pointwise("relu", x -> x > 0f ? x : 0f, (x, y) -> x > 0f ? 1f : 0f, Kind.RELU, 0f, 0f);

    public static Pointwise pow(float p) {
        return new Pointwise("pow(" + p + ")", x -> (float) Math.pow(x, p),
                (x, y) -> p == 0f ? 0f : (float) (p * Math.pow(x, p - 1)), Kind.POW, p, 0f);
    }

    /** Gradient passes where min <= x <= max, as torch.clamp does. */
    public static Pointwise clamp(float min, float max) {
        if (!(min <= max)) throw new IllegalArgumentException("clamp: min " + min + " > max " + max);
        return new Pointwise("clamp(" + min + ", " + max + ")", x -> Math.min(max, Math.max(min, x)),
                (x, y) -> x >= min && x <= max ? 1f : 0f, Kind.CLAMP, min, max);
    }

    /**
     * x + c: what {@code tensor.add(c)} (and {@code sub(c)}, as x + (-c)) computes. The same float operation as
     * adding a broadcast scalar tensor, without creating one (on a device, a constant tensor is an upload).
     */
    public static Pointwise addScalar(float c) {
        return new Pointwise("add(" + c + ")", x -> x + c, (x, y) -> 1f, Kind.ADD_SCALAR, c, 0f);
    }

    /** x * c, as {@code tensor.mul(c)}. */
    public static Pointwise mulScalar(float c) {
        return new Pointwise("mul(" + c + ")", x -> x * c, (x, y) -> c, Kind.MUL_SCALAR, c, 0f);
    }

    /** x / c, as {@code tensor.div(c)} (a division, not a multiplication by 1/c: the same bits as before). */
    public static Pointwise divScalar(float c) {
        return new Pointwise("div(" + c + ")", x -> x / c, (x, y) -> 1f / c, Kind.DIV_SCALAR, c, 0f);
    }
}
