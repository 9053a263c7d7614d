package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * Soft Dice loss and its usual variants, {@code 1 - mean over (image, class) of
 * (2 sum s y + smoothNr) / (sum s + sum y + smoothDr)}.
 *
 * <p>The {@link Options#reference()} form is the RW paper's code: smoothNr 0, smoothDr 1e-6, background
 * included, per image. There a class absent from an image scores Dice 0 whatever the network predicts
 * (numerator 0), so it adds a constant 1 to the mean: a floor on the loss, not a NaN. With smoothing on
 * both sides ({@link Options#smoothed()}, MONAI's 1e-5) an absent class that is not predicted scores 1.
 * The denominator is never below smoothDr, which must be positive, so the loss and its gradient are
 * always finite.
 */
public final class DiceLoss implements Loss {

    /**
     * @param squaredDenominator {@code sum s^2 + sum y^2} in the denominator (Milletari et al.'s V-Net form)
     * @param smoothNumerator    added to {@code 2 sum s y}, at least 0
     * @param smoothDenominator  added to the denominator, positive
     * @param includeBackground  whether class 0 takes part in the mean
     * @param batchDice          sums over the whole batch per class (nnU-Net's batch Dice) instead of per image
     */
    public record Options(boolean squaredDenominator, float smoothNumerator, float smoothDenominator,
                          boolean includeBackground, boolean batchDice) {
        public Options {
            if (!(smoothNumerator >= 0) || !(smoothDenominator > 0) || Float.isInfinite(smoothNumerator)
                    || Float.isInfinite(smoothDenominator)) {
                throw new IllegalArgumentException("dice: need smoothNumerator >= 0 and smoothDenominator > 0 (finite),"
                        + " got " + smoothNumerator + " and " + smoothDenominator);
            }
        }

        /** The paper's reference Dice: no numerator smoothing, 1e-6 in the denominator, background in, per image. */
        public static Options reference() {
            return new Options(false, 0f, 1e-6f, true, false);
        }

        /** Reference with squared denominators. */
        public static Options squared() {
            return new Options(true, 0f, 1e-6f, true, false);
        }

        /** MONAI's smoothing, 1e-5 on both sides. */
        public static Options smoothed() {
            return new Options(false, 1e-5f, 1e-5f, true, false);
        }

        /** Reference sums over the batch. */
        public static Options batch() {
            return new Options(false, 0f, 1e-6f, true, true);
        }

        /** Reference over the foreground classes only. */
        public static Options noBackground() {
            return new Options(false, 0f, 1e-6f, false, false);
        }
    }

    private final String name;
    private final Options options;

    public DiceLoss(String name, Options options) {
        this.name = name;
        this.options = options;
    }

    /** The reference Dice loss ({@code dice}). */
    public DiceLoss() {
        this("dice", Options.reference());
    }

    public Options options() {
        return options;
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name);
        RegionSums sums = RegionSums.of(logits, target, options.includeBackground(), options.batchDice(),
                options.squaredDenominator());
        // y^2 = y, so the label sum serves both denominators.
        Tensor denominator = sums.predicted.add(sums.truth).add(options.smoothDenominator());
        Tensor dice = sums.intersection.mul(2f).add(options.smoothNumerator()).div(denominator);
        return dice.mean().neg().add(1f);
    }

    @Override
    public String name() {
        return name;
    }
}
