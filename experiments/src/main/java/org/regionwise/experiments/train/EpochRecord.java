package org.regionwise.experiments.train;

/**
 * What one epoch did: its mean training loss, the learning rate it ran at, and, when validation was due,
 * the validation Dice of each class.
 *
 * @param epoch             the epoch, counted from 0
 * @param meanLoss          mean of the steps' loss values (deep-supervision weighted, as optimised)
 * @param learningRate      the rate the polynomial schedule set for this epoch
 * @param steps             optimiser steps taken
 * @param seconds           wall time of the training steps (validation excluded)
 * @param validationDice    per class (index = class), the mean Dice over the validation volumes, NaN
 *                          where the class is in no volume's reference or prediction; {@code null}
 *                          when the epoch was not validated
 * @param validationSeconds wall time of the validation, 0 when not validated
 */
public record EpochRecord(int epoch, double meanLoss, double learningRate, int steps, double seconds,
                          double[] validationDice, double validationSeconds) {

    /** Copies the Dice array. */
    public EpochRecord {
        if (epoch < 0 || steps < 0) throw new IllegalArgumentException("epoch and steps must be >= 0");
        validationDice = validationDice == null ? null : validationDice.clone();
    }

    /** Whether this epoch was validated. */
    public boolean validated() {
        return validationDice != null;
    }

    @Override
    public double[] validationDice() {
        return validationDice == null ? null : validationDice.clone();
    }

    /**
     * The mean Dice over the foreground classes (1..C-1) that have a value, NaN when not validated or no
     * foreground class has one: the single number nnU-Net tracks.
     */
    public double meanForegroundDice() {
        if (validationDice == null) return Double.NaN;
        double sum = 0;
        int n = 0;
        for (int c = 1; c < validationDice.length; c++) {
            if (!Double.isNaN(validationDice[c])) {
                sum += validationDice[c];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
