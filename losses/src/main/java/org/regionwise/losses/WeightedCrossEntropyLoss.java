package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/**
 * Cross entropy weighted per pixel by a Region-wise map, {@code -mean_i |z_{i,y_i}| log s_{i,y_i}}
 * (SPEC.md section 4; the paper's Sec. 3.2): only the true-class component of the map can weight cross
 * entropy, since the one-hot label zeroes the others. With the RRW map the weight is the pixel's
 * normalised depth inside its class, in {@code (0, 1]}. The mean is over all pixels (not divided by the sum
 * of weights as PyTorch's class-weighted cross entropy is).
 */
public final class WeightedCrossEntropyLoss implements Loss {
    private final String name;
    private final MapSource source;

    public WeightedCrossEntropyLoss(String name, MapSource source) {
        this.name = name;
        this.source = source;
    }

    /** Weighted by the RRW map ({@code wce-rrw}). */
    public static WeightedCrossEntropyLoss rrw() {
        return new WeightedCrossEntropyLoss("wce-rrw", MapSource.of(MapKind.RRW));
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name);
        // The weights are a function of the labels only: kept by the target, uploaded once per target.
        Tensor weights = target.tensor("wce weights " + source.key(), target.shape(), () -> {
            float[] z = target.map(source);
            float[] y = target.oneHot();
            float[] w = new float[z.length];
            for (int i = 0; i < z.length; i++) w[i] = y[i] * Math.abs(z[i]);
            return w;
        });
        return logits.logSoftmax(1).mul(weights).sum(1, false).mean().neg();
    }

    @Override
    public String name() {
        return name;
    }
}
