package org.regionwise.experiments.train;

import java.time.Duration;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2dConfig;

/**
 * The demo's fixed choices, and the epoch count that fits its time budget on this machine.
 *
 * <p>Sized for a 2-core machine (measured with the Vector API kernels on 2 shared cores: about 0.2 to
 * 0.3 s per step, 19 steps per epoch): the default data set at scale 2 (96 x 48 slices at 2 mm, 146
 * per hemisphere), a 4-level U-Net with 16 base filters (16-32-64-128, 483,472 parameters), batch 8,
 * Adam at {@value #LEARNING_RATE} (higher than the paper's 1e-4, which needs far more epochs than a
 * few minutes allow), weight decay 3e-5, the RRW loss with deep supervision.
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
    public static final int BATCH = 8;
    public static final double LEARNING_RATE = 3e-3;
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
