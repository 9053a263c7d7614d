package org.regionwise.autodiff;

/** Pretty printing of nested values, eliding the middle of long axes as NumPy does. */
final class TensorFormat {
    private static final int EDGE = 3;

    private TensorFormat() {}

    static void append(StringBuilder sb, float[] data, int[] shape) {
        if (shape.length == 0) {
            sb.append(format(data[0]));
            return;
        }
        appendAxis(sb, data, shape, Shape.strides(shape), 0, 0);
    }

    private static void appendAxis(StringBuilder sb, float[] data, int[] shape, int[] strides, int axis, int offset) {
        sb.append('[');
        int n = shape[axis];
        for (int i = 0; i < n; i++) {
            if (n > 2 * EDGE && i == EDGE) {
                sb.append("..., ");
                i = n - EDGE - 1;
                continue;
            }
            if (axis == shape.length - 1) {
                sb.append(format(data[offset + i]));
            } else {
                appendAxis(sb, data, shape, strides, axis + 1, offset + i * strides[axis]);
            }
            if (i < n - 1) sb.append(axis == shape.length - 1 ? ", " : ",\n" + " ".repeat(axis + 1));
        }
        sb.append(']');
    }

    private static String format(float v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
