package org.regionwise.experiments.demo;

import java.time.Duration;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.experiments.train.TrainingOptions;

/**
 * The demo's fixed choices, epoch counts included, so that a demo trains the same weights on every machine
 * (for a given seed and thread count) and only takes longer on a slower one.
 *
 * <p>Sized for a 2-core machine: the default data set at scale 2 (96 x 48 slices at 2 mm, 146 per
 * hemisphere), a 4-level U-Net with 16 base filters (16-32-64-128, 483,472 parameters), batch 4 (37
 * steps per epoch, about 0.09 s each with the Vector API kernels on 2 cores, so an epoch takes about 3 s:
 * {@value #FULL_EPOCHS} epochs are about ten minutes there, {@value #QUICK_EPOCHS} about two), Adam at
 * {@value #LEARNING_RATE} (the paper's 1e-4 needs far more epochs than a few minutes allow), weight decay
 * 3e-5, the RRW loss with deep supervision.
 *
 * <p>The clock is only a safety stop ({@link #safetyStop}): a machine several times slower than the one the
 * counts were sized on stops there, evaluates what it has, and says how to continue the run.
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
 * @param epochs        epochs to train
 * @param validateEvery validation interval in epochs (and after the last)
 * @param safetyStop    the wall-clock limit on training; reaching it ends training early
 */
public record DemoPlan(int epochs, int validateEvery, Duration safetyStop) {
    /** In-plane downsampling of the default data set. */
    public static final int SCALE = 2;
    public static final int LEVELS = 4;
    public static final int BASE_FILTERS = 16;
    public static final int BATCH = 4;
    public static final double LEARNING_RATE = 1e-3;
    public static final String LOSS = "rrw";
    /** {@code demo}: about ten minutes on 2 cores. */
    public static final int FULL_EPOCHS = 180;
    /** {@code demo --quick}: about two minutes on 2 cores. */
    public static final int QUICK_EPOCHS = 30;
    /** The safety stop, as a multiple of the nominal duration. */
    static final double SAFETY_FACTOR = 3;

    public DemoPlan {
        if (epochs < 1 || validateEvery < 1) throw new IllegalArgumentException("demo plan: epochs and validateEvery must be >= 1");
        if (safetyStop == null || safetyStop.isNegative() || safetyStop.isZero()) {
            throw new IllegalArgumentException("demo plan: the safety stop must be positive");
        }
    }

    /**
     * The plan of {@code demo} ({@code quick} false) or {@code demo --quick}: fixed epochs, about ten validations,
     * and a safety stop of {@code minutes} of training when given, else three times the nominal 10 (or 2) minutes.
     */
    public static DemoPlan of(boolean quick, Double minutes) {
        int epochs = quick ? QUICK_EPOCHS : FULL_EPOCHS;
        double stop = minutes != null ? minutes : SAFETY_FACTOR * nominalMinutes(quick);
        return new DemoPlan(epochs, Math.max(1, epochs / 10), Duration.ofMillis(Math.max(1000, Math.round(stop * 60_000))));
    }

    /** The advertised duration on a 2-core machine: 10 minutes, or 2 with --quick. */
    public static double nominalMinutes(boolean quick) {
        return quick ? 2 : 10;
    }

    /** The demo's network for a data set with these channels and classes. */
    public static UNet2dConfig network(int channels, int classes) {
        return new UNet2dConfig(channels, classes, LEVELS, BASE_FILTERS, UNet2dConfig.NNUNET_MAX_FILTERS_2D, NormType.INSTANCE, true);
    }

    /** The demo's training options (the safety stop is their time budget). */
    public TrainingOptions options(long seed) {
        return new TrainingOptions(LOSS, epochs, 0, BATCH, LEARNING_RATE, TrainingOptions.WEIGHT_DECAY, seed, validateEvery, true,
                safetyStop);
    }
}
