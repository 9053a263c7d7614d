package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * Generalised Dice loss (Sudre et al.), per image then averaged over the batch:
 * {@code 1 - 2 sum_k w_k sum s_k y_k / sum_k w_k sum (s_k + y_k)}, with {@code w_k = 1 / (sum y_k)^2}.
 *
 * <p>Empty-class guard: a class absent from an image would get an infinite weight; it gets the largest
 * weight of the classes present in that image instead (MONAI's rule, applied per image), so predicting
 * an absent class is penalised as strongly as the rarest present class. No smoothing is needed: every
 * pixel has a label, so some class is present and its term {@code w_k sum y_k = 1 / sum y_k} keeps the
 * denominator positive (an image whose pixels are all ignored gets 1 added to its denominator instead).
 * Values and gradients are always finite.
 */
public final class GeneralizedDiceLoss implements Loss {

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        RegionSums sums = RegionSums.of(logits, target, true, false, false);
        Tensor w = sums.constant(target, "gdice weights", () -> weights(target));
        Tensor numerator = sums.intersection.mul(w).sum(1, false);
        Tensor denominator = sums.predicted.add(sums.truth).mul(w).sum(1, false);
        if (target.hasIgnored()) {
            denominator = denominator.add(target.tensor("gdice ignored images", new int[] {target.batch()},
                    () -> wholeImageIgnored(target)));
        }
        return numerator.mul(2f).div(denominator).mean().neg().add(1f);
    }

    /** w_k = 1 / (count_k)^2 per image and class; an absent class gets the image's largest present weight. */
    private static float[] weights(Target target) {
        int classes = target.classes();
        float[] weights = new float[target.batch() * classes];
        for (int b = 0; b < target.batch(); b++) {
            float largest = 0f;
            for (int c = 0; c < classes; c++) {
                double count = target.classCount(b, c);
                if (count > 0) {
                    weights[b * classes + c] = (float) (1.0 / (count * count));
                    largest = Math.max(largest, weights[b * classes + c]);
                }
            }
            for (int c = 0; c < classes; c++) {
                if (target.classCount(b, c) == 0) weights[b * classes + c] = largest;
            }
        }
        return weights;
    }

    /**
     * 1 for an image whose every pixel is ignored, else 0: such an image has no present class, so all its
     * weights are 0; adding 1 to its denominator makes its term a constant 0 / 1 instead of 0 / 0.
     */
    private static float[] wholeImageIgnored(Target target) {
        float[] out = new float[target.batch()];
        for (int b = 0; b < target.batch(); b++) {
            int valid = 0;
            for (int c = 0; c < target.classes(); c++) valid += target.classCount(b, c);
            if (valid == 0) out[b] = 1f;
        }
        return out;
    }

    @Override
    public String name() {
        return "gdice";
    }
}
