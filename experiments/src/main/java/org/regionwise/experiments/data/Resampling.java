package org.regionwise.experiments.data;

/**
 * Separable in-plane resampling of stacks of 2D planes (row-major {@code (planes, height, width)}), the
 * way nnU-Net resizes to and from its training spacing.
 *
 * <p>Geometry: the field of view is kept, as scikit-image's {@code resize} (which nnU-Net uses) keeps it:
 * output pixel {@code j} of {@code m} samples the input at {@code (j + 1/2) n / m - 1/2} (pixel centres;
 * an output covers the same extent as the input), and taps outside the input repeat its edge pixel
 * (scikit-image's {@code mode="edge"}). No anti-aliasing filter (nnU-Net passes {@code anti_aliasing=False}).
 *
 * <p>The fast path interpolates along columns and then rows with precomputed taps; its reference twin
 * {@link #resizeReference} evaluates the 2D sum for every output pixel in double.
 */
public final class Resampling {
    private Resampling() {}

    /**
     * The size of an axis of {@code n} samples at spacing {@code from} resampled to spacing {@code to}:
     * {@code round(n * from / to)}, at least 1 (nnU-Net's rule).
     */
    public static int resizedLength(int n, double from, double to) {
        if (n < 1 || !(from > 0) || !(to > 0)) {
            throw new IllegalArgumentException("need n >= 1 and positive spacings, got n " + n + ", from " + from + ", to " + to);
        }
        return (int) Math.max(1, Math.round(n * from / to));
    }

    /**
     * {@code src}, {@code planes} planes of {@code (h, w)}, resampled to {@code (oh, ow)}.
     * Equal sizes return an exact copy (every kernel is 1 at distance 0 and 0 at the other taps).
     */
    public static float[] resize(float[] src, int planes, int h, int w, int oh, int ow, Interpolation kind) {
        check(src, planes, h, w, oh, ow);
        if (oh == h && ow == w) return src.clone();
        Taps cols = Taps.of(w, ow, kind), rows = Taps.of(h, oh, kind);
        float[] wide = new float[planes * h * ow];
        for (int p = 0; p < planes; p++) {
            for (int r = 0; r < h; r++) {
                int in = (p * h + r) * w, out = (p * h + r) * ow;
                for (int j = 0; j < ow; j++) {
                    double sum = 0;
                    for (int t = 0; t < cols.count; t++) sum += cols.weight[j * cols.count + t] * src[in + cols.index[j * cols.count + t]];
                    wide[out + j] = (float) sum;
                }
            }
        }
        float[] out = new float[planes * oh * ow];
        double[] row = new double[ow];
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                java.util.Arrays.fill(row, 0);
                for (int t = 0; t < rows.count; t++) {
                    double wt = rows.weight[i * rows.count + t];
                    int in = (p * h + rows.index[i * rows.count + t]) * ow;
                    for (int j = 0; j < ow; j++) row[j] += wt * wide[in + j];
                }
                int o = (p * oh + i) * ow;
                for (int j = 0; j < ow; j++) out[o + j] = (float) row[j];
            }
        }
        return out;
    }

    /**
     * Reference twin of {@link #resize}: for every output pixel, the double sum over every input pixel
     * of {@code k(sy - r) k(sx - c) src[clamp(r), clamp(c)]} with the sample point {@code (sy, sx)} and
     * the edge repeated. Quadratic per output pixel: for tests only.
     */
    static float[] resizeReference(float[] src, int planes, int h, int w, int oh, int ow, Interpolation kind) {
        check(src, planes, h, w, oh, ow);
        float[] out = new float[planes * oh * ow];
        int reach = kind.radius + 1;
        for (int p = 0; p < planes; p++) {
            for (int i = 0; i < oh; i++) {
                double sy = source(i, h, oh);
                for (int j = 0; j < ow; j++) {
                    double sx = source(j, w, ow);
                    double sum = 0;
                    for (int r = (int) Math.floor(sy) - reach; r <= (int) Math.floor(sy) + reach; r++) {
                        double wy = kind.weight(sy - r);
                        if (wy == 0) continue;
                        for (int c = (int) Math.floor(sx) - reach; c <= (int) Math.floor(sx) + reach; c++) {
                            double wx = kind.weight(sx - c);
                            int rr = Math.min(h - 1, Math.max(0, r)), cc = Math.min(w - 1, Math.max(0, c));
                            sum += wy * wx * src[(p * h + rr) * w + cc];
                        }
                    }
                    out[(p * oh + i) * ow + j] = (float) sum;
                }
            }
        }
        return out;
    }

    /** Where output sample {@code j} of {@code m} falls on an input axis of {@code n} samples. */
    static double source(int j, int n, int m) {
        return (j + 0.5) * n / m - 0.5;
    }

    private static void check(float[] src, int planes, int h, int w, int oh, int ow) {
        if (planes < 1 || h < 1 || w < 1 || oh < 1 || ow < 1) {
            throw new IllegalArgumentException("sizes must be >= 1: planes " + planes + ", " + h + "x" + w + " -> " + oh + "x" + ow);
        }
        if (src.length != (long) planes * h * w) {
            throw new IllegalArgumentException("expected " + planes + "x" + h + "x" + w + " values, got " + src.length);
        }
    }

    /** The taps of a 1D resize: for output sample j, {@code count} input indices (edge-clamped) and weights. */
    private record Taps(int count, int[] index, double[] weight) {
        static Taps of(int n, int m, Interpolation kind) {
            int count = 2 * kind.radius;
            int[] index = new int[m * count];
            double[] weight = new double[m * count];
            for (int j = 0; j < m; j++) {
                double s = source(j, n, m);
                int first = (int) Math.floor(s) - kind.radius + 1;
                for (int t = 0; t < count; t++) {
                    int at = first + t;
                    index[j * count + t] = Math.min(n - 1, Math.max(0, at));
                    weight[j * count + t] = kind.weight(s - at);
                }
            }
            return new Taps(count, index, weight);
        }
    }
}
