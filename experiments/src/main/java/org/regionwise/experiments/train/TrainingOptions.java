package org.regionwise.experiments.train;

import java.time.Duration;
import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.losses.LossRegistry;

/**
 * How to train: the schedule, the optimiser's settings and the seed. Together with the network
 * configuration and the data, these fix a run bit for bit (on one machine and thread count).
 *
 * @param lossName      the {@link org.regionwise.losses.LossRegistry} name of the loss (e.g. {@code rrw})
 * @param epochs        E: epochs to train; the learning rate decays polynomially to 0 over them
 * @param stepsPerEpoch optimiser steps per epoch; 0 means one pass over the training slices,
 *                      ceil(slices / batch) (nnU-Net fixes 250; the small data sets here have fewer slices)
 * @param batchSize     slices per step
 * @param learningRate  Adam's initial learning rate (the paper: 1e-4)
 * @param weightDecay   Adam's L2 weight decay (SPEC.md 5: 3e-5)
 * @param seed          fixes the initial weights and every batch (see {@link RunSeeds})
 * @param validateEvery validate after every k-th epoch (and after the last); 0 never
 * @param augment       random flips (and, for square patches, transposes) of training patches
 * @param timeBudget    stop after this much training time, with a checkpoint; {@code null} for none.
 *                      Not part of what a checkpoint must match: a resumed run may get a new budget
 */
public record TrainingOptions(String lossName, int epochs, int stepsPerEpoch, int batchSize, double learningRate,
                              double weightDecay, long seed, int validateEvery, boolean augment, Duration timeBudget) {

    /** The paper's learning rate for Adam. */
    public static final double PAPER_LEARNING_RATE = 1e-4;
    /** SPEC.md 5: Adam's weight decay, as L2. */
    public static final double WEIGHT_DECAY = 3e-5;
    /** More epochs (or steps per epoch) than this is a typo: a million steps of the smallest U-Net take days. */
    public static final int MAX_EPOCHS = 1_000_000;
    /** Slices per step; every activation of the U-Net scales with it. */
    public static final int MAX_BATCH = 1024;

    /**
     * Checks every value, once for every way a run is defined (the {@code train} command, the demo, a
     * checkpoint read back), and resolves the loss name to the registry's spelling. Each message names the
     * setting by its {@code regionwise train} option, so a command can print it as it is.
     *
     * @throws IllegalArgumentException for the first value out of range
     */
    public TrainingOptions {
        lossName = resolveLoss(lossName);
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        if (epochs > MAX_EPOCHS) throw new IllegalArgumentException("--epochs must be at most " + MAX_EPOCHS + ", got " + epochs);
        if (stepsPerEpoch < 0) throw new IllegalArgumentException("--steps-per-epoch must be >= 0 (0: one pass), got " + stepsPerEpoch);
        if (stepsPerEpoch > MAX_EPOCHS) {
            throw new IllegalArgumentException("--steps-per-epoch must be at most " + MAX_EPOCHS + ", got " + stepsPerEpoch);
        }
        if (batchSize < 1) throw new IllegalArgumentException("--batch must be at least 1, got " + batchSize);
        if (batchSize > MAX_BATCH) throw new IllegalArgumentException("--batch must be at most " + MAX_BATCH + ", got " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be positive and finite, got " + learningRate);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be >= 0 and finite, got " + weightDecay);
        }
        if (validateEvery < 0) throw new IllegalArgumentException("--validate-every must be >= 0, got " + validateEvery);
        if (timeBudget != null && (timeBudget.isNegative() || timeBudget.isZero())) {
            throw new IllegalArgumentException("--minutes must be positive, got " + timeBudget.toMillis() / 60_000.0);
        }
    }

    /**
     * The registry's name of a loss (case and surrounding blanks ignored, as {@link LossRegistry#create} reads
     * it): what a run prints and its checkpoint stores, so {@code " RRW"} and {@code "rrw"} are one run.
     *
     * @throws IllegalArgumentException for a blank or unknown name, listing the valid ones
     */
    public static String resolveLoss(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("--loss: a loss name is required");
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!LossRegistry.names().contains(key)) {
            throw new IllegalArgumentException("--loss: unknown loss '" + OneLine.visible(name) + "'; valid names: "
                    + String.join(", ", LossRegistry.names()));
        }
        return key;
    }

    /** Defaults for a loss and seed: 100 epochs of one pass, batch 8, the paper's Adam, validation every 5 epochs. */
    public static TrainingOptions defaults(String lossName, long seed) {
        return new TrainingOptions(lossName, 100, 0, 8, PAPER_LEARNING_RATE, WEIGHT_DECAY, seed, 5, true, null);
    }

    /** Steps per epoch for a training split of {@code slices} slices: the set value, or one pass. */
    public int stepsPerEpoch(int slices) {
        return stepsPerEpoch > 0 ? stepsPerEpoch : Math.max(1, (slices + batchSize - 1) / batchSize);
    }

    /** Whether validation is due after {@code epoch} (counted from 0). */
    public boolean validatesAfter(int epoch) {
        return validateEvery > 0 && ((epoch + 1) % validateEvery == 0 || epoch == epochs - 1);
    }

    public TrainingOptions withEpochs(int e) {
        return new TrainingOptions(lossName, e, stepsPerEpoch, batchSize, learningRate, weightDecay, seed, validateEvery, augment, timeBudget);
    }

    public TrainingOptions withTimeBudget(Duration budget) {
        return new TrainingOptions(lossName, epochs, stepsPerEpoch, batchSize, learningRate, weightDecay, seed, validateEvery, augment, budget);
    }

    public TrainingOptions withValidateEvery(int k) {
        return new TrainingOptions(lossName, epochs, stepsPerEpoch, batchSize, learningRate, weightDecay, seed, k, augment, timeBudget);
    }

    public TrainingOptions withStepsPerEpoch(int s) {
        return new TrainingOptions(lossName, epochs, s, batchSize, learningRate, weightDecay, seed, validateEvery, augment, timeBudget);
    }

    /**
     * The options that decide the trained weights, i.e. everything except the time budget: what a resumed
     * run must share with its checkpoint.
     */
    public TrainingOptions withoutBudget() {
        return withTimeBudget(null);
    }
}
