package org.regionwise.experiments.progress;

import java.util.Locale;
import org.regionwise.experiments.train.EpochRecord;

/** The wording progress reports share: durations, epoch summaries. */
public final class ProgressText {
    private ProgressText() {}

    /** "42s", "3m05s", "1h02m": short, and never "NaN". */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + "s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }

    /**
     * "epoch 3/100: loss 0.1234, lr 9.8e-05, 19 steps in 5s (3.7 steps/s), ETA 8m05s, validation Dice 0.812
     * [0.990 0.850 0.610 0.880] (1s)". The ETA assumes the remaining epochs train as fast as this one (validation not counted).
     */
    static String epoch(EpochRecord r, int epochs) {
        int left = epochs - r.epoch() - 1;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d: loss %.4f, lr %.3g, %d steps in %s (%.1f steps/s)",
                r.epoch() + 1, epochs, r.meanLoss(), r.learningRate(), r.steps(), duration(r.seconds()),
                r.steps() / Math.max(r.seconds(), 1e-9)));
        if (left > 0) s.append(", ETA ").append(duration(left * r.seconds()));
        if (r.validated()) {
            s.append(String.format(Locale.ROOT, ", validation Dice %.3f [", r.meanForegroundDice()));
            double[] dice = r.validationDice();
            for (int c = 0; c < dice.length; c++) {
                s.append(c == 0 ? "" : " ").append(Double.isNaN(dice[c]) ? "-" : String.format(Locale.ROOT, "%.3f", dice[c]));
            }
            s.append("] (").append(duration(r.validationSeconds())).append(')');
        }
        return s.toString();
    }

    /** "epoch 3/100 step 12/19 loss 0.1234 4.1 steps/s ETA 6m12s". */
    static String step(Progress.StepReport r) {
        return String.format(Locale.ROOT, "epoch %d/%d step %d/%d loss %.4f %.2f steps/s ETA %s", r.epoch() + 1, r.epochs(),
                r.step() + 1, r.steps(), r.loss(), r.stepsPerSecond(), duration(r.etaSeconds()));
    }
}
