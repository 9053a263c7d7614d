package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/**
 * Karimi et al.'s one-sided Hausdorff-distance loss, {@code mean over (image, foreground class, pixel) of
 * (s_k - y_k)^2 * d_k^alpha}, with {@code d_k} the distance of each pixel to the boundary of class k in the
 * labels ({@link org.regionwise.maps.MapKind#HD}; alpha 2 by default). For a binary task this is
 * Karimi's {@code mean (q - p)^2 * d_p^alpha}. A class absent from (or filling) an image has no
 * boundary: {@code d = 0}, so it contributes 0.
 *
 * <p>The paper's Proposition 3: for C = 2 this equals {@code 2 *} the RW loss of the squared softmax
 * with the map {@code (1 - y) * d^alpha} ({@link MapSource#trueClassZeroed} of {@link MapSource#hd}); the 2
 * is the RW mean over both channels against this mean over the foreground one.
 */
public final class HausdorffLoss implements Loss {
    private final double alpha;

    public HausdorffLoss(double alpha) {
        if (!(alpha >= 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("HD loss: alpha must be finite and >= 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    /** alpha = 2, Karimi's default. */
    public HausdorffLoss() {
        this(2.0);
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name());
        Tensor error = Channels.foreground(logits.softmax(1)).sub(Channels.foreground(target.oneHotTensor()));
        Tensor distance = Channels.foreground(target.mapTensor(MapSource.hd(alpha)));
        return error.mul(error).mul(distance).mean();
    }

    @Override
    public String name() {
        return alpha == 2.0 ? "hd" : "hd(alpha=" + alpha + ")";
    }
}
