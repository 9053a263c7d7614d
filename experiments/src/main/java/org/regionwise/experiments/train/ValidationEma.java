package org.regionwise.experiments.train;

import java.util.List;

/**
 * nnU-Net's choice of the best epoch: an exponential moving average of the validation's mean foreground
 * Dice, {@code ema = 0.9 ema + 0.1 dice} at each validated epoch (the first validation starts it at its own
 * value), and a new best whenever it rises above every earlier value. Smoothing keeps one lucky validation
 * from naming the best model. Computed from the history alone, so a resumed run decides exactly as an
 * uninterrupted one.
 */
public final class ValidationEma {
    /** The weight of the running average, nnU-Net v2's 0.9. */
    static final double DECAY = 0.9;

    private ValidationEma() {}

    /** The EMA after each epoch of {@code epochs} (NaN until the first validated epoch with a foreground Dice). */
    public static double[] of(List<EpochRecord> epochs) {
        double[] out = new double[epochs.size()];
        double ema = Double.NaN;
        for (int i = 0; i < out.length; i++) {
            double dice = epochs.get(i).meanForegroundDice();
            if (!Double.isNaN(dice)) ema = Double.isNaN(ema) ? dice : DECAY * ema + (1 - DECAY) * dice;
            out[i] = ema;
        }
        return out;
    }

    /** Whether the last epoch of {@code epochs} was validated and set a new best EMA. */
    public static boolean lastIsBest(List<EpochRecord> epochs) {
        if (epochs.isEmpty() || Double.isNaN(epochs.get(epochs.size() - 1).meanForegroundDice())) return false;
        double[] ema = of(epochs);
        double last = ema[ema.length - 1];
        for (int i = 0; i < ema.length - 1; i++) if (!Double.isNaN(ema[i]) && ema[i] >= last) return false;
        return true;
    }

    /** The epoch (from 0) whose EMA is the best so far, or -1 when nothing was validated. */
    public static int bestEpoch(List<EpochRecord> epochs) {
        double[] ema = of(epochs);
        int best = -1;
        for (int i = 0; i < ema.length; i++) {
            boolean validated = !Double.isNaN(epochs.get(i).meanForegroundDice());
            if (validated && (best < 0 || ema[i] > ema[best])) best = i;
        }
        return best;
    }
}
