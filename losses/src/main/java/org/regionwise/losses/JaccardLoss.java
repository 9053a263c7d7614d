package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * Soft Jaccard (IoU) loss, {@code 1 - mean over (image, class) of (I + smooth) / (sum s + sum y - I + smooth)}
 * with {@code I = sum s y}, background included, smooth 1e-5 (MONAI's defaults). The union is never
 * negative ({@code I <= min(sum s, sum y)}), so the denominator is at least {@code smooth}: an absent class
 * that is not predicted scores 1, and nothing is ever NaN.
 */
public final class JaccardLoss implements Loss {
    private static final float SMOOTH = 1e-5f;

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        RegionSums sums = RegionSums.of(logits, target, true, false, false);
        Tensor union = sums.predicted.add(sums.truth).sub(sums.intersection);
        return sums.intersection.add(SMOOTH).div(union.add(SMOOTH)).mean().neg().add(1f);
    }

    @Override
    public String name() {
        return "jaccard";
    }
}
