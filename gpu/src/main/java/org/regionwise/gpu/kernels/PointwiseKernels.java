package org.regionwise.gpu.kernels;

import org.regionwise.gpu.Parallel;

/**
 * autodiff's {@code Pointwise} functions on the device, chosen by code ({@code Pointwise.Kind} ordinal): the
 * lambdas of the host twin ({@code autodiff.ops.HostPointwise}) cannot run on a device, so each formula is
 * written out here, the same float (or double-then-float) operation as the lambda. ints: count, code, x, y[, gy, gx].
 * floats: p, q (the function's parameters: exponent, clamp bounds, scalar operand).
 */
public final class PointwiseKernels {
    /** The codes, in {@code Pointwise.Kind} order (checked by a test). */
    public static final int NEG = 0, EXP = 1, LOG = 2, SQRT = 3, ABS = 4, RELU = 5, POW = 6, CLAMP = 7,
            ADD_SCALAR = 8, MUL_SCALAR = 9, DIV_SCALAR = 10;

    private PointwiseKernels() {}

    /** y = f(x). ints: count, code, x, y. floats: p, q. In place (y == x) is allowed. */
    public static void forward(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int code = ints[1];
        int x = ints[2];
        int y = ints[3];
        float p = floats[0];
        float q = floats[1];
        for (@Parallel int i = 0; i < count; i++) {
            float v = heap[x + i];
            float r;
            if (code == NEG) {
                r = -v;
            } else if (code == EXP) {
                r = (float) Math.exp(v);
            } else if (code == LOG) {
                r = (float) Math.log(v);
            } else if (code == SQRT) {
                r = (float) Math.sqrt(v);
            } else if (code == ABS) {
                r = Math.abs(v);
            } else if (code == RELU) {
                r = v > 0f ? v : 0f;
            } else if (code == POW) {
                r = (float) Math.pow(v, p);
            } else if (code == CLAMP) {
                r = Math.min(q, Math.max(p, v));
            } else if (code == ADD_SCALAR) {
                r = v + p;
            } else if (code == MUL_SCALAR) {
                r = v * p;
            } else {
                r = v / p;
            }
            heap[y + i] = r;
        }
    }

    /** gx += gy * f'(x, y), from the saved input x and output y. ints: count, code, x, y, gy, gx. floats: p, q. */
    public static void backward(float[] heap, int[] ints, float[] floats) {
        int count = ints[0];
        int code = ints[1];
        int x = ints[2];
        int y = ints[3];
        int gy = ints[4];
        int gx = ints[5];
        float p = floats[0];
        float q = floats[1];
        for (@Parallel int i = 0; i < count; i++) {
            float v = heap[x + i];
            float d;
            if (code == NEG) {
                d = -1f;
            } else if (code == EXP) {
                d = heap[y + i];
            } else if (code == LOG) {
                d = 1f / v;
            } else if (code == SQRT) {
                d = 0.5f / heap[y + i];
            } else if (code == ABS) {
                // Math.signum written out (0, -0 and NaN give themselves), so no device library call is needed.
                d = v > 0f ? 1f : (v < 0f ? -1f : v);
            } else if (code == RELU) {
                d = v > 0f ? 1f : 0f;
            } else if (code == POW) {
                d = p == 0f ? 0f : (float) (p * Math.pow(v, p - 1));
            } else if (code == CLAMP) {
                d = v >= p && v <= q ? 1f : 0f;
            } else if (code == ADD_SCALAR) {
                d = 1f;
            } else if (code == MUL_SCALAR) {
                d = p;
            } else {
                d = 1f / p;
            }
            heap[gx + i] += heap[gy + i] * d;
        }
    }

    public static Launch forwardLaunch(int count, int code, float p, float q, int x, int y) {
        return Launch.of(Kernel.POINTWISE, count, new int[] {count, code, x, y}, p, q);
    }

    public static Launch backwardLaunch(int count, int code, float p, float q, int x, int y, int gy, int gx) {
        return Launch.of(Kernel.POINTWISE_BACKWARD, count, new int[] {count, code, x, y, gy, gx}, p, q);
    }
}
