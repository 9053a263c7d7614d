package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * A segmentation loss: logits {@code (B, C, H, W)} and a {@link Target} in, a one-element tensor out,
 * differentiable with respect to the logits (call {@code backward()} on the result).
 *
 * <p>Every loss takes raw logits, never probabilities: each applies softmax (or log-softmax) itself,
 * stabilised, so logits of any magnitude give finite values and gradients. Losses that change over
 * training (the combination schedules of SPEC.md 4.4) read the epoch set by {@link #setEpoch(int)};
 * the others ignore it.
 */
public interface Loss {

    /**
     * The loss value, a one-element tensor of shape {@code []}.
     *
     * @throws IllegalArgumentException when the logits are not {@code (B, C, H, W)} with the target's
     *                                  batch, class count and image size (the message names both shapes)
     */
    Tensor forward(Tensor logits, Target target);

    /** The registry name of this loss, or a short description for losses built in code. */
    String name();

    /**
     * Tells the loss which epoch training is in, counted from 0. Schedules read it; losses without one
     * ignore it. Combinations pass it on to their parts.
     *
     * @throws IllegalArgumentException when {@code epoch < 0}
     */
    default void setEpoch(int epoch) {
        Epochs.check(epoch);
    }

    /**
     * Whether this loss can leave out pixels with the ignore label ({@link TargetBuilder#ignoreLabel}): they
     * add nothing and get a zero gradient. Losses that cannot ({@code lovasz}, {@code ac-length}) return false
     * and throw from {@link #forward} when a target has ignored pixels; check this before training.
     */
    default boolean supportsIgnoreLabel() {
        return true;
    }
}
