package org.regionwise.losses;

import org.regionwise.autodiff.Functional;
import org.regionwise.autodiff.Tensor;

/**
 * Cross entropy, {@code -mean over (batch, pixels) of sum_k y_k log s_k}, from log-softmax (never
 * {@code log(softmax)}), so any logits give a finite value: a pixel whose true class has logit
 * {@code 1e4} below another contributes {@code 1e4}, not Infinity. PyTorch's {@code F.cross_entropy}
 * with mean reduction.
 */
public final class CrossEntropyLoss implements Loss {

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        return Functional.softmaxCrossEntropy(logits, target.oneHotTensor());
    }

    @Override
    public String name() {
        return "ce";
    }
}
