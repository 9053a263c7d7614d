package org.regionwise.maps;

import java.util.Arrays;

/**
 * Settings of a map computation.
 *
 * @param classWeights for {@link MapKind#RRW_WEIGHTED}: {@code w_c}, the value of the other-class
 *                     components of every voxel whose true class is {@code c}; one per class, each
 *                     finite and {@code >= 0} (true-class values lie in {@code [-1, 0)}, so only a
 *                     non-negative weight exceeds every one of them, which keeps the map rectified for
 *                     any label image). {@code null} when unused; other kinds ignore it.
 * @param hdAlpha      exponent of the {@link MapKind#HD} map, finite and {@code >= 0}; Karimi's
 *                     default is 2
 * @param threads      threads used for one map (over lines of the distance transforms, or over the
 *                     images of a batch / slices of a volume); at least 1. Results never depend on it.
 */
public record MapOptions(float[] classWeights, double hdAlpha, int threads) {

    /** Karimi's default exponent. */
    public static final double DEFAULT_HD_ALPHA = 2.0;

    /** Validates and copies {@code classWeights}. */
    public MapOptions {
        if (classWeights != null) {
            for (int c = 0; c < classWeights.length; c++) {
                float w = classWeights[c];
                if (!(w >= 0) || Float.isInfinite(w)) {
                    throw new IllegalArgumentException("class weight w_" + c + " = " + w + " must be finite and >= 0:"
                            + " true-class RRW values lie in [-1, 0), and only a weight >= 0 exceeds all of them"
                            + " (weights " + Arrays.toString(classWeights) + ")");
                }
            }
            classWeights = classWeights.clone();
        }
        if (!(hdAlpha >= 0) || Double.isInfinite(hdAlpha)) {
            throw new IllegalArgumentException("hdAlpha must be finite and >= 0, got " + hdAlpha);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** No class weights, alpha 2, one thread per available processor. */
    public static MapOptions defaults() {
        return new MapOptions(null, DEFAULT_HD_ALPHA, Runtime.getRuntime().availableProcessors());
    }

    /** These options with other class weights. */
    public MapOptions withClassWeights(float... weights) {
        return new MapOptions(weights, hdAlpha, threads);
    }

    /** These options with another HD exponent. */
    public MapOptions withHdAlpha(double alpha) {
        return new MapOptions(classWeights, alpha, threads);
    }

    /** These options with another thread count. */
    public MapOptions withThreads(int threadCount) {
        return new MapOptions(classWeights, hdAlpha, threadCount);
    }

    /** A copy of the class weights, or {@code null}. */
    @Override
    public float[] classWeights() {
        return classWeights == null ? null : classWeights.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapOptions m && Arrays.equals(classWeights, m.classWeights)
                && Double.compare(hdAlpha, m.hdAlpha) == 0 && threads == m.threads;
    }

    @Override
    public int hashCode() {
        return (31 * Arrays.hashCode(classWeights) + Double.hashCode(hdAlpha)) * 31 + threads;
    }

    @Override
    public String toString() {
        return "MapOptions(classWeights=" + Arrays.toString(classWeights) + ", hdAlpha=" + hdAlpha
                + ", threads=" + threads + ")";
    }
}
