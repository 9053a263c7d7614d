package org.regionwise.experiments.eval;

import java.util.List;
import org.regionwise.experiments.predict.VolumeSegmentation;

/**
 * Per-class Dice over volumes, for validation during training: the Dice of {@link
 * org.regionwise.experiments.eval.ClassMetrics} ({@code 2|P & R| / (|P| + |R|)}, undefined when the class
 * is in neither), averaged over the volumes where it is defined, as
 * {@link org.regionwise.experiments.eval.MetricsAggregation} averages.
 *
 * <p>Why not call {@link org.regionwise.experiments.eval.SegmentationMetrics} here: it also computes
 * the surface distances (exact distance transforms per class), which validation every few epochs does
 * not need; the full metrics are computed once, by {@link Evaluation}.
 */
public final class DiceScores {
    private DiceScores() {}

    /** Dice of each class {@code 0..classes-1} in one volume; NaN where both masks are empty. */
    public static double[] of(int[] prediction, int[] reference, int classes) {
        if (prediction.length != reference.length) {
            throw new IllegalArgumentException("prediction and reference sizes differ: " + prediction.length + " vs " + reference.length);
        }
        long[] predicted = new long[classes], referenced = new long[classes], both = new long[classes];
        for (int i = 0; i < prediction.length; i++) {
            predicted[prediction[i]]++;
            referenced[reference[i]]++;
            if (prediction[i] == reference[i]) both[prediction[i]]++;
        }
        double[] dice = new double[classes];
        for (int c = 0; c < classes; c++) {
            dice[c] = ClassStatus.of(predicted[c], referenced[c]) == ClassStatus.BOTH_EMPTY
                    ? Double.NaN
                    : 2.0 * both[c] / (predicted[c] + referenced[c]);
        }
        return dice;
    }

    /** Per class, the mean Dice over the volumes where it is defined (NaN where it is defined in none). */
    public static double[] mean(List<VolumeSegmentation> volumes, int classes) {
        double[] sum = new double[classes];
        int[] n = new int[classes];
        for (VolumeSegmentation v : volumes) {
            double[] d = of(v.prediction(), v.reference(), classes);
            for (int c = 0; c < classes; c++) {
                if (!Double.isNaN(d[c])) {
                    sum[c] += d[c];
                    n[c]++;
                }
            }
        }
        double[] mean = new double[classes];
        for (int c = 0; c < classes; c++) mean[c] = n[c] == 0 ? Double.NaN : sum[c] / n[c];
        return mean;
    }
}
