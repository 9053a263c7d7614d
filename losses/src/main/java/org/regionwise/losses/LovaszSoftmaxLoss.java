package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * Lovasz-softmax loss (Berman et al., 2018; SMP's {@code LovaszLoss(mode="multiclass", per_image=True)}),
 * the convex Lovasz extension of the Jaccard loss applied to the softmax: per image, for each class
 * present in that image's labels, the errors {@code |y_c - s_c|} sorted in decreasing order are dotted
 * with the gradient of the Jaccard loss along that order; the mean over present classes, then over
 * images. Every image has at least one class present (each pixel has a label), so no mean is empty.
 * The sort is a constant of the backward pass, as in the reference code.
 */
public final class LovaszSoftmaxLoss implements Loss {

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        if (target.hasIgnored()) throw new IllegalArgumentException(IgnoreLabels.refusal(name(),
                "its sorted errors couple every pixel of an image"));
        return LovaszFunction.apply(logits.softmax(1), target);
    }

    @Override
    public boolean supportsIgnoreLabel() {
        return false;
    }

    @Override
    public String name() {
        return "lovasz";
    }
}
