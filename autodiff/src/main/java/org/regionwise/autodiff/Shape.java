package org.regionwise.autodiff;

import java.util.Arrays;

/** Static helpers for shapes: element counts, row-major strides, broadcasting, axis normalisation. */
public final class Shape {
    private Shape() {}

    public static int numel(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + str(shape));
            n *= d;
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + str(shape) + " has more than 2^31-1 elements");
        }
        return (int) n;
    }

    /** Row-major (C order) strides: the last axis is contiguous. */
    public static int[] strides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    /** NumPy broadcasting of two shapes; throws naming both shapes and the op. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i - (n - a.length) >= 0 ? a[i - (n - a.length)] : 1;
            int db = i - (n - b.length) >= 0 ? b[i - (n - b.length)] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + str(a) + " and " + str(b) + " cannot be broadcast");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Strides that read a tensor of shape {@code in} as if it had the (broadcast) shape {@code out}:
     * broadcast axes get stride 0, so one index walk serves both broadcasting and its reduction.
     */
    public static int[] broadcastStrides(int[] in, int[] out) {
        int[] inStrides = strides(in);
        int[] s = new int[out.length];
        int lead = out.length - in.length;
        for (int i = 0; i < out.length; i++) {
            int j = i - lead;
            s[i] = (j < 0 || in[j] == 1) ? 0 : inStrides[j];
        }
        return s;
    }

    /** Maps a possibly negative axis into [0, rank). */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " out of range for rank " + rank);
        }
        return a;
    }

    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
