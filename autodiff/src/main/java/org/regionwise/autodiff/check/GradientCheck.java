package org.regionwise.autodiff.check;

import java.util.Locale;
import java.util.Random;
import org.regionwise.autodiff.GradMode;
import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/**
 * Compares an op's analytic gradient with central finite differences (PyTorch's {@code gradcheck}).
 *
 * <p>The function's output is projected onto fixed random weights, L = sum_i w_i f(x)_i, so one backward
 * pass gives the whole gradient of L. The projection, the perturbation arithmetic and the comparison run
 * in double precision; only the op itself runs in float32 (the reference kernels accumulate in double),
 * so the step {@code eps} trades truncation error (O(eps^2)) against float32 rounding (~1e-7 / eps).
 * The perturbation divides by the float step actually taken, not by the nominal one.
 */
public final class GradientCheck {

    /** Step, absolute and relative tolerance, and the seed of the projection weights. */
    public record Options(double eps, double atol, double rtol, long seed) {
        public static Options defaults() {
            return new Options(1e-2, 2e-3, 2e-2, 42L);
        }

        public Options withTolerance(double atol, double rtol) {
            return new Options(eps, atol, rtol, seed);
        }

        public Options withEps(double eps) {
            return new Options(eps, atol, rtol, seed);
        }
    }

    /** The worst mismatch found, or ok. */
    public record Result(boolean ok, int input, int index, double analytic, double numeric, double error, String detail) {
        @Override
        public String toString() {
            return detail;
        }
    }

    /** A function of several tensors to one tensor, the shape the checker differentiates. */
    @FunctionalInterface
    public interface TensorFunction {
        Tensor apply(Tensor... inputs);
    }

    private GradientCheck() {}

    /** Checks with default options; throws AssertionError naming the worst element on failure. */
    public static void assertGradients(TensorFunction f, Tensor... inputs) {
        assertGradients(Options.defaults(), f, inputs);
    }

    public static void assertGradients(Options options, TensorFunction f, Tensor... inputs) {
        Result r = check(options, f, inputs);
        if (!r.ok()) throw new AssertionError(r.detail());
    }

    /**
     * Runs the check on every element of every input that requires grad. Inputs must be leaves; their
     * gradients are reset by this method.
     */
    public static Result check(Options options, TensorFunction f, Tensor... inputs) {
        for (Tensor t : inputs) {
            if (!t.isLeaf()) throw new IllegalArgumentException("gradient check: inputs must be leaf tensors");
            t.zeroGrad();
        }
        Tensor out = f.apply(inputs);
        double[] weights = projection(out.numel(), options.seed());
        float[] seed = new float[weights.length];
        for (int i = 0; i < seed.length; i++) seed[i] = (float) weights[i];
        // Project with the float-rounded weights so analytic and numeric differentiate the same L.
        for (int i = 0; i < weights.length; i++) weights[i] = seed[i];
        if (!out.requiresGrad()) {
            throw new IllegalArgumentException("gradient check: output of shape " + Shape.str(out.shape()) + " does not require grad");
        }
        out.backward(seed);

        Result worst = new Result(true, -1, -1, 0, 0, 0, "ok");
        double worstRatio = -1;
        for (int t = 0; t < inputs.length; t++) {
            Tensor x = inputs[t];
            if (!x.requiresGrad()) continue;
            float[] analytic = x.gradBuffer().clone();
            float[] data = x.data();
            for (int i = 0; i < data.length; i++) {
                float original = data[i];
                float plus = (float) (original + options.eps());
                float minus = (float) (original - options.eps());
                data[i] = plus;
                x.storage().hostWritten();
                double lPlus = project(f, inputs, weights);
                data[i] = minus;
                x.storage().hostWritten();
                double lMinus = project(f, inputs, weights);
                data[i] = original;
                x.storage().hostWritten();
                double numeric = (lPlus - lMinus) / ((double) plus - (double) minus);
                double error = Math.abs(analytic[i] - numeric);
                double allowed = options.atol() + options.rtol() * Math.abs(numeric);
                double ratio = error / allowed;
                if (ratio > worstRatio) {
                    worstRatio = ratio;
                    boolean ok = error <= allowed;
                    String detail = String.format(Locale.ROOT,
                            "%s: input %d %s, element %d: analytic %.6g vs numeric %.6g (|diff| %.3g, allowed %.3g)",
                            ok ? "ok" : "gradient mismatch", t, Shape.str(x.shape()), i, (double) analytic[i], numeric,
                            error, allowed);
                    worst = new Result(ok, t, i, analytic[i], numeric, error, detail);
                }
            }
        }
        return worst;
    }

    private static double project(TensorFunction f, Tensor[] inputs, double[] weights) {
        try (var scope = GradMode.noGrad()) {
            float[] y = f.apply(inputs).data();
            double acc = 0;
            for (int i = 0; i < y.length; i++) acc += weights[i] * y[i];
            return acc;
        }
    }

    private static double[] projection(int n, long seed) {
        Random random = new Random(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 2 * random.nextDouble() - 1;
        return w;
    }
}
