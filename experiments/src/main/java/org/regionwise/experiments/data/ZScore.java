package org.regionwise.experiments.data;

/**
 * Per-image z-score normalisation, nnU-Net's default for non-CT images: subtract the mean and divide by
 * the standard deviation of the whole image (one channel of one volume). Population standard deviation
 * (as numpy's {@code std}), accumulated in double; a constant image is only centred (nnU-Net divides by
 * max(std, 1e-8)).
 */
public final class ZScore {
    /** Below this standard deviation an image is treated as constant. */
    private static final double MIN_STD = 1e-8;

    private ZScore() {}

    /** Normalises {@code data} in place; returns {mean, std} as used. */
    public static double[] normalize(float[] data) {
        double sum = 0;
        for (float v : data) sum += v;
        double mean = data.length == 0 ? 0 : sum / data.length;
        double squares = 0;
        for (float v : data) squares += (v - mean) * (v - mean);
        double std = data.length == 0 ? 0 : Math.sqrt(squares / data.length);
        double divisor = Math.max(std, MIN_STD);
        for (int i = 0; i < data.length; i++) data[i] = (float) ((data[i] - mean) / divisor);
        return new double[] {mean, std};
    }

    /** Normalises every channel of {@code volume} in place, each on its own. */
    public static void normalizeChannels(Volume volume) {
        for (float[] channel : volume.channels()) normalize(channel);
    }
}
