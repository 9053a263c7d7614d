package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * The per-class sums the overlap losses (Dice, Jaccard, Tversky, generalised Dice) are made of:
 * {@code sum s y}, {@code sum s} (or {@code sum s^2}) and {@code sum y}, over the pixels of each image
 * ({@code (B, C')}) or over the whole batch ({@code (C')}), {@code C'} = C, or C - 1 without background.
 * The first two are differentiable; the label sum is a constant. Ignored pixels ({@link Target}) are left out
 * of all three.
 */
final class RegionSums {
    final Tensor intersection;
    final Tensor predicted;
    final Tensor truth;
    /** The shape of the three sums. */
    final int[] shape;

    private RegionSums(Tensor intersection, Tensor predicted, Tensor truth, int[] shape) {
        this.intersection = intersection;
        this.predicted = predicted;
        this.truth = truth;
        this.shape = shape;
    }

    static RegionSums of(Tensor logits, Target target, boolean includeBackground, boolean overBatch, boolean squaredPrediction) {
        int classes = target.classes();
        int first = includeBackground ? 0 : 1;
        Tensor s = logits.softmax(1);
        // nnU-Net's loss mask: ignored pixels leave every sum, so their softmax gets no gradient.
        if (target.hasIgnored()) s = s.mul(target.validTensor());
        Tensor y = target.oneHotTensor();
        if (first > 0) {
            s = s.slice(1, first, classes);
            y = y.slice(1, first, classes);
        }
        int[] axes = overBatch ? new int[] {0, 2, 3} : new int[] {2, 3};
        Tensor intersection = s.mul(y).sum(axes, false);
        Tensor predicted = (squaredPrediction ? s.mul(s) : s).sum(axes, false);
        int kept = classes - first;
        int[] shape = overBatch ? new int[] {kept} : new int[] {target.batch(), kept};
        // The label counts, summed from the one-hot labels where they already are (exact: sums of ones), so a
        // device backend needs no per-target upload for them.
        Tensor truth = y.sum(axes, false);
        return new RegionSums(intersection, predicted, truth, shape);
    }

    /** A constant of the sums' shape, kept by {@code target} under {@code name} (uploaded once per target). */
    Tensor constant(Target target, String name, java.util.function.Supplier<float[]> values) {
        return target.tensor(name, shape, values);
    }
}
