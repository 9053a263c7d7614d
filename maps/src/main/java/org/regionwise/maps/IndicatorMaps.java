package org.regionwise.maps;

/**
 * Maps that are affine functions of the one-hot label: the active-contour map {@code 1 - y} (Chen et
 * al., without the length term) and Cao et al.'s {@code 1 - 2y}, of which AC is the zero-one
 * normalisation. Both are rectified: other classes 1, true class 0 or -1.
 */
final class IndicatorMaps {

    private IndicatorMaps() {
    }

    /** Channel {@code k} is {@code other} where the label is not {@code k} and {@code trueValue} where it is. */
    static void fill(int[] labels, int classes, float trueValue, float other, int threads, float[] out, int offset) {
        int n = labels.length;
        for (int c = 0; c < classes; c++) {
            int base = offset + c * n;
            int channel = c;
            ParallelRange.forElements(n, threads, (from, to) -> {
                for (int i = from; i < to; i++) {
                    out[base + i] = labels[i] == channel ? trueValue : other;
                }
            });
        }
    }
}
