package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/**
 * The Region-wise loss (SPEC.md section 1): {@code L = mean over (batch, classes, pixels) of s * z},
 * {@code s = softmax(logits)} over the class axis and {@code z} a map of the labels
 * (the reference code's {@code torch.mean(p * z)}). Its gradient is {@link RwGradient}'s closed form
 * divided by {@code B C N}. The squared variant {@code mean s^2 z} is the modification under which
 * Karimi's one-sided HD loss is an RW loss (the paper's Proposition 3).
 *
 * <p>Computed by one fused op; {@link #composed} is the same loss built from autodiff primitives, kept
 * as the reference twin the tests compare against.
 */
public final class RwLoss implements Loss {
    private final String name;
    private final MapSource source;
    private final boolean squaredSoftmax;

    public RwLoss(String name, MapSource source, boolean squaredSoftmax) {
        if (source == null) throw new IllegalArgumentException("RW loss: map source is null");
        this.name = name;
        this.source = source;
        this.squaredSoftmax = squaredSoftmax;
    }

    /** RW loss with a map kind, e.g. {@code RwLoss.of(MapKind.RRW)}. */
    public static RwLoss of(MapKind kind) {
        return new RwLoss("rw(" + kind.cliName() + ")", MapSource.of(kind), false);
    }

    /** RW loss with any map source. */
    public static RwLoss of(MapSource source) {
        return new RwLoss("rw(" + source.key() + ")", source, false);
    }

    /** RW loss of the squared softmax, {@code mean s^2 z}. */
    public static RwLoss squared(MapSource source) {
        return new RwLoss("rw-squared(" + source.key() + ")", source, true);
    }

    public MapSource source() {
        return source;
    }

    public boolean squaredSoftmax() {
        return squaredSoftmax;
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name);
        return RwFunction.apply(logits, target.mapTensor(source).storage(), squaredSoftmax);
    }

    /** The same value and gradient from autodiff primitives: {@code softmax(x, 1) [^2] * z}, mean. */
    public static Tensor composed(Tensor logits, Tensor z, boolean squaredSoftmax) {
        Tensor s = logits.softmax(1);
        if (squaredSoftmax) s = s.mul(s);
        return s.mul(z).mean();
    }

    @Override
    public String name() {
        return name;
    }
}
