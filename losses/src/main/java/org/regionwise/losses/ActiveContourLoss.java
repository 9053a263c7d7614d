package org.regionwise.losses;

import java.util.Locale;
import org.regionwise.autodiff.Tensor;

/**
 * Chen et al.'s active-contour loss ("Learning active contour models for medical image segmentation",
 * 2019), supervised form ({@code c1 = 1} inside, {@code c2 = 0} outside), one-vs-rest for each foreground
 * class {@code k} with {@code u = s_k} and {@code v = y_k}:
 * <pre>
 *   region = mean over (image, k, pixel) of  u (v - c1)^2 + (1 - u) (v - c2)^2
 *   length = mean over (image, k, pixel) of  sqrt(dx^2 + dy^2 + 1e-8)
 *   AC     = lambda * region + mu * length
 * </pre>
 * with {@code dx, dy} forward differences of {@code u} along H and W at the same pixel (the (H-1) x (W-1)
 * pixels that have both). Chen et al. sum over pixels; this takes means so the value does not grow with
 * the image, and aligns the two difference images (their code crops them one pixel apart). The 1e-8
 * keeps the square root's derivative finite where the prediction is flat.
 *
 * <p>The paper's Proposition 1: for C = 2 and mu = 0, {@code AC = 2 lambda *} the RW loss with the AC map
 * {@code 1 - y}; the 2 is the RW mean over both channels against this mean over the foreground one.
 */
public final class ActiveContourLoss implements Loss {
    private static final float LENGTH_EPSILON = 1e-8f;
    private final float regionWeight;
    private final float lengthWeight;

    /**
     * @param regionWeight lambda, at least 0
     * @param lengthWeight mu, at least 0; with mu > 0 images need H, W >= 2
     */
    public ActiveContourLoss(float regionWeight, float lengthWeight) {
        if (!(regionWeight >= 0) || !(lengthWeight >= 0) || Float.isInfinite(regionWeight) || Float.isInfinite(lengthWeight)) {
            throw new IllegalArgumentException("AC loss: weights must be finite and >= 0, got lambda=" + regionWeight
                    + ", mu=" + lengthWeight);
        }
        this.regionWeight = regionWeight;
        this.lengthWeight = lengthWeight;
    }

    /** Region terms only (lambda 1, mu 0): the form the paper reformulates as RW ({@code ac}). */
    public ActiveContourLoss() {
        this(1f, 0f);
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        Tensor u = Channels.foreground(logits.softmax(1));
        // Inside and outside costs (v - 1)^2 and v^2 of the labels v, from the one-hot labels where they already
        // are (a device backend uploads nothing more); 0 at ignored pixels, which then add 0 and get no gradient.
        Tensor v = Channels.foreground(target.oneHotTensor());
        Tensor vMinus1 = v.sub(1f);
        Tensor inside = vMinus1.mul(vMinus1);
        Tensor outside = v.mul(v);
        if (target.hasIgnored()) {
            inside = inside.mul(target.validTensor());
            outside = outside.mul(target.validTensor());
        }
        Tensor region = u.mul(inside).add(u.neg().add(1f).mul(outside)).mean();
        Tensor loss = region.mul(regionWeight);
        if (lengthWeight > 0) {
            if (target.hasIgnored()) throw new IllegalArgumentException(IgnoreLabels.refusal(name(),
                    "its length term differences neighbouring pixels across ignored ones"));
            loss = loss.add(length(u).mul(lengthWeight));
        }
        return loss;
    }

    /** Mean over pixels of the gradient magnitude of {@code u} (B, K, H, W), forward differences. */
    static Tensor length(Tensor u) {
        int h = u.dim(2);
        int w = u.dim(3);
        if (h < 2 || w < 2) {
            throw new IllegalArgumentException("AC loss: the length term needs H, W >= 2, got " + h + " x " + w);
        }
        Tensor here = u.slice(2, 0, h - 1).slice(3, 0, w - 1);
        Tensor dx = u.slice(2, 1, h).slice(3, 0, w - 1).sub(here);
        Tensor dy = u.slice(2, 0, h - 1).slice(3, 1, w).sub(here);
        return dx.mul(dx).add(dy.mul(dy)).add(LENGTH_EPSILON).sqrt().mean();
    }

    @Override
    public boolean supportsIgnoreLabel() {
        return lengthWeight == 0;
    }

    @Override
    public String name() {
        if (regionWeight == 1f && lengthWeight == 0f) return "ac";
        if (regionWeight == 1f && lengthWeight == 1f) return "ac-length";
        return String.format(Locale.ROOT, "ac(lambda=%s,mu=%s)", regionWeight, lengthWeight);
    }
}
