package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * Focal loss without the alpha balance (Lin et al.; the paper uses gamma 2):
 * {@code -mean over (batch, pixels) of sum_k (1 - s_k)^gamma y_k log s_k}. The log comes from
 * log-softmax and {@code s = exp(log s)}, so saturated logits give a finite value and gradient (a
 * confidently right pixel contributes exactly 0).
 */
public final class FocalLoss implements Loss {
    private final float gamma;

    /** gamma must be 0 (cross entropy) or at least 1: below 1 the modulating factor's derivative is infinite at s = 1. */
    public FocalLoss(float gamma) {
        if (!(gamma == 0f || gamma >= 1f) || Float.isInfinite(gamma)) {
            throw new IllegalArgumentException("focal loss: gamma must be 0 or a finite value >= 1, got " + gamma);
        }
        this.gamma = gamma;
    }

    /** gamma = 2, the value the paper (after Lin et al.) uses. */
    public FocalLoss() {
        this(2f);
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        Tensor logS = logits.logSoftmax(1);
        Tensor modulation = logS.exp().neg().add(1f).pow(gamma);
        return modulation.mul(logS).mul(target.oneHotTensor()).sum(1, false).mean().neg();
    }

    @Override
    public String name() {
        return gamma == 2f ? "focal" : "focal(gamma=" + gamma + ")";
    }
}
