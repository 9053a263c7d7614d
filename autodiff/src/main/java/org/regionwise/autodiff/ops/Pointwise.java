package org.regionwise.autodiff.ops;

/**
 * A scalar function with its derivative, written side by side. The derivative receives both the input x
 * and the output y, so ops like exp and sqrt reuse their forward value.
 */
public record Pointwise(String name, Value value, Derivative derivative) {

    @FunctionalInterface
    public interface Value { float at(float x); }

    @FunctionalInterface
    public interface Derivative { float at(float x, float y); }

    public static final Pointwise NEG = new Pointwise("neg", x -> -x, (x, y) -> -1f);
    public static final Pointwise EXP = new Pointwise("exp", x -> (float) Math.exp(x), (x, y) -> y);
    public static final Pointwise LOG = new Pointwise("log", x -> (float) Math.log(x), (x, y) -> 1f / x);
    public static final Pointwise SQRT = new Pointwise("sqrt", x -> (float) Math.sqrt(x), (x, y) -> 0.5f / y);
    /** d|x|/dx = sign(x), 0 at 0 (PyTorch's choice). */
    public static final Pointwise ABS = new Pointwise("abs", Math::abs, (x, y) -> Math.signum(x));
    public static final Pointwise RELU = new Pointwise("relu", x -> x > 0f ? x : 0f, (x, y) -> x > 0f ? 1f : 0f);

    public static Pointwise pow(float p) {
        return new Pointwise("pow(" + p + ")", x -> (float) Math.pow(x, p),
                (x, y) -> p == 0f ? 0f : (float) (p * Math.pow(x, p - 1)));
    }

    /** Gradient passes where min <= x <= max, as torch.clamp does. */
    public static Pointwise clamp(float min, float max) {
        if (!(min <= max)) throw new IllegalArgumentException("clamp: min " + min + " > max " + max);
        return new Pointwise("clamp(" + min + ", " + max + ")", x -> Math.min(max, Math.max(min, x)),
                (x, y) -> x >= min && x <= max ? 1f : 0f);
    }
}
