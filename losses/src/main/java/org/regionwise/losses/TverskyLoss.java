package org.regionwise.losses;

import java.util.Locale;
import org.regionwise.autodiff.Tensor;

/**
 * Tversky loss (Salehi et al.; MONAI's TverskyLoss), {@code 1 - mean over (image, class) of
 * (TP + smooth) / (TP + alpha FP + beta FN + smooth)} with {@code TP = sum s y}, {@code FP = sum s (1 - y)},
 * {@code FN = sum (1 - s) y}, background included, smooth 1e-5. alpha weighs false positives and beta
 * false negatives; alpha = beta = 0.5 is Dice, 1 and 1 is Jaccard. The denominator is at least smooth,
 * so nothing is ever NaN.
 */
public final class TverskyLoss implements Loss {
    private static final float SMOOTH = 1e-5f;
    private final float alpha;
    private final float beta;

    public TverskyLoss(float alpha, float beta) {
        if (!(alpha >= 0) || !(beta >= 0) || Float.isInfinite(alpha) || Float.isInfinite(beta)) {
            throw new IllegalArgumentException("tversky: alpha and beta must be finite and >= 0, got " + alpha + ", " + beta);
        }
        this.alpha = alpha;
        this.beta = beta;
    }

    /** alpha 0.3, beta 0.7: Salehi et al.'s choice, which favours recall ({@code tversky}). */
    public TverskyLoss() {
        this(0.3f, 0.7f);
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        RegionSums sums = RegionSums.of(logits, target, true, false, false);
        Tensor tp = sums.intersection;
        Tensor falsePositives = sums.predicted.sub(tp);
        Tensor falseNegatives = sums.truth.sub(tp);
        Tensor denominator = tp.add(falsePositives.mul(alpha)).add(falseNegatives.mul(beta)).add(SMOOTH);
        return tp.add(SMOOTH).div(denominator).mean().neg().add(1f);
    }

    @Override
    public String name() {
        return alpha == 0.3f && beta == 0.7f ? "tversky" : String.format(Locale.ROOT, "tversky(alpha=%s,beta=%s)", alpha, beta);
    }
}
