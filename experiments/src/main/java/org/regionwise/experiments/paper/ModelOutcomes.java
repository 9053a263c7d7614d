package org.regionwise.experiments.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.stats.Percentiles;
import org.regionwise.experiments.study.TrialResult;

/**
 * The final mean foreground validation Dice of the M models of one configuration (the input of the paper's
 * convergence CDF, Eq. 8) and its summary. A diverged model counts as Dice 0 (it segments nothing useful) and is
 * counted apart, so a report can say so.
 *
 * @param loss     the configuration (loss name)
 * @param trials   the models' trial ids, in study order
 * @param dice     each model's final mean foreground Dice (0 for a diverged model)
 * @param diverged how many diverged
 */
public record ModelOutcomes(String loss, List<String> trials, double[] dice, int diverged) {
    /** The thresholds the paper reads off its CDFs. */
    public static final double LOW = 0.7, HIGH = 0.9;

    /** The outcomes of {@code loss}'s results (study order). */
    public static ModelOutcomes of(String loss, List<TrialResult> results) {
        List<String> ids = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        int diverged = 0;
        for (TrialResult r : results) {
            if (!r.spec().loss().equals(loss)) continue;
            ids.add(r.specId());
            if (r.completed()) {
                double d = r.meanForegroundDice();
                values.add(Double.isNaN(d) ? 0 : d);
            } else {
                values.add(0.0);
                diverged++;
            }
        }
        return new ModelOutcomes(loss, ids, values.stream().mapToDouble(Double::doubleValue).toArray(), diverged);
    }

    public int models() {
        return dice.length;
    }

    /** The share of models with Dice strictly below {@code x}. */
    public double below(double x) {
        int n = 0;
        for (double d : dice) if (d < x) n++;
        return dice.length == 0 ? Double.NaN : (double) n / dice.length;
    }

    public double median() {
        return dice.length == 0 ? Double.NaN : Percentiles.linear(dice, 50);
    }

    public double min() {
        double m = Double.POSITIVE_INFINITY;
        for (double d : dice) m = Math.min(m, d);
        return dice.length == 0 ? Double.NaN : m;
    }

    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : dice) m = Math.max(m, d);
        return dice.length == 0 ? Double.NaN : m;
    }

    /** {@code models=8 median_dice=0.8500 below_0.7=0.00 below_0.9=0.25 min_dice=0.8012 diverged=0}. */
    public String summary() {
        return String.format(Locale.ROOT, "models=%d median_dice=%.4f below_0.7=%.2f below_0.9=%.2f min_dice=%.4f diverged=%d",
                models(), median(), below(LOW), below(HIGH), min(), diverged);
    }

    /** CSV rows {@code loss,trial,seed,status,final_dice} (with the header when asked). */
    static String csvRows(ModelOutcomes o, List<TrialResult> results) {
        StringBuilder s = new StringBuilder();
        for (TrialResult r : results) {
            if (!r.spec().loss().equals(o.loss())) continue;
            double d = r.completed() ? r.meanForegroundDice() : 0;
            s.append(o.loss()).append(',').append(r.specId()).append(',').append(r.spec().seed()).append(',')
                    .append(r.status().name().toLowerCase(Locale.ROOT)).append(',').append(String.format(Locale.ROOT, "%.6f", Double.isNaN(d) ? 0 : d))
                    .append('\n');
        }
        return s.toString();
    }

    static final String CSV_HEADER = "loss,trial,seed,status,final_mean_foreground_dice\n";
}
