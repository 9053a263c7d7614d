package org.regionwise.experiments.demo;

import java.time.Duration;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.experiments.train.TrainingOptions;

/**
 * The demo's fixed choices, and the epoch count that fits its time budget on this machine.
 *
 * <p>Sized for a 2-core machine: the default data set at scale 2 (96 x 48 slices at 2 mm, 146 per
 * hemisphere), a 4-level U-Net with 16 base filters (16-32-64-128, 483,472 parameters), batch 4 (37
 * steps per epoch, about 0.09 s each with the Vector API kernels on 2 cores, so an epoch takes about 3 s
 * and ten minutes train about 150 epochs), Adam at {@value #LEARNING_RATE} (the paper's 1e-4 needs far
 * more epochs than a few minutes allow), weight decay 3e-5, the RRW loss with deep supervision.
 *
 * <p>Why batch 4 rather than 8: an epoch costs the same time, and twice the optimiser steps matter for
 * RRW, whose small classes (cerebellum 3%, deep grey matter 1% of the voxels) are learned late. Measured
 * on this data set, seed 0, 25 epochs at lr 3e-3: batch 8 first predicted the cerebellum after about 20
 * epochs, batch 4 after 15 (validation Dice 0.85 at epoch 25), batch 2 after 20. A 5-level network was no
 * better in 40 epochs, and lr 1e-2 no faster.
 *
 * <p>Why lr 1e-3 rather than 3e-3: at 3e-3 the deep grey matter's softmax collapsed in the first epochs and
 * RRW never recovered it (Dice 0 after 28 and after 139 epochs); at 1e-3 (seed 0, 28 epochs, batch 4) it
 * reached validation Dice 0.75, with cortex 0.91 and cerebellum 0.87.
 *
 * @param epochs          epochs that fit the training budget at the measured speed
 * @param validateEvery   validation interval in epochs
 * @param trainingBudget  the hard stop for training (the plan aims to finish before it)
 * @param secondsPerStep  measured time of one training step
 * @param validationSeconds measured time of one validation pass
 */
public record DemoPlan(int epochs, int validateEvery, Duration trainingBudget, double secondsPerStep, double validationSeconds) {
    /** In-plane downsampling of the default data set. */
    public static final int SCALE = 2;
    public static final int LEVELS = 4;
    public static final int BASE_FILTERS = 16;
    public static final int BATCH = 4;
    public static final double LEARNING_RATE = 1e-3;
    public static final String LOSS = "rrw";
    /** Fewest and most epochs the plan picks. */
    static final int MIN_EPOCHS = 3;
    static final int MAX_EPOCHS = 500;
    /** Validation points wanted on the learning curve. */
    static final int VALIDATIONS = 10;

    /** The demo's network for a data set with these channels and classes. */
    public static UNet2dConfig network(int channels, int classes) {
        return new UNet2dConfig(channels, classes, LEVELS, BASE_FILTERS, UNet2dConfig.NNUNET_MAX_FILTERS_2D, NormType.INSTANCE, true);
    }

    /** The demo's training options for {@code epochs} epochs. */
    public TrainingOptions options(long seed) {
        return new TrainingOptions(LOSS, epochs, 0, BATCH, LEARNING_RATE, TrainingOptions.WEIGHT_DECAY, seed, validateEvery, true,
                trainingBudget);
    }

    /**
     * The most epochs whose steps and validations fit {@code budgetSeconds}, between {@value #MIN_EPOCHS}
     * and {@value #MAX_EPOCHS}, validating about {@value #VALIDATIONS} times.
     */
    public static DemoPlan fit(double budgetSeconds, int stepsPerEpoch, double secondsPerStep, double validationSeconds) {
        double epochSeconds = stepsPerEpoch * secondsPerStep;
        int epochs = (int) Math.floor(budgetSeconds / (epochSeconds + validationSeconds / 5.0));
        epochs = Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, epochs));
        int every = Math.max(1, (int) Math.round(epochs / (double) VALIDATIONS));
        // refit with the interval chosen: fewer validations may leave room for one more epoch
        while (epochs < MAX_EPOCHS && (epochs + 1) * epochSeconds + Math.ceil((epochs + 1) / (double) every) * validationSeconds
                <= budgetSeconds) {
            epochs++;
        }
        while (epochs > MIN_EPOCHS && epochs * epochSeconds + Math.ceil(epochs / (double) every) * validationSeconds > budgetSeconds) {
            epochs--;
        }
        return new DemoPlan(epochs, every, Duration.ofMillis(Math.max(1000, Math.round(budgetSeconds * 1000))), secondsPerStep,
                validationSeconds);
    }
}
