package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;
import org.regionwise.maps.MapKind;

/**
 * Kervadec et al.'s boundary loss, {@code mean over (image, class in K, pixel) of s_k * phi_k}, where
 * {@code phi} is a level-set map of the labels (negative inside class k, positive outside) and K the
 * foreground classes (Kervadec's {@code idc = [1, ..., C-1]}) or all classes.
 *
 * <p>The level set is selectable: Kervadec's signed distance ({@link MapKind#BOUNDARY_KERVADEC}, rim 0),
 * the RW reference code's ({@link MapKind#BOUNDARY}), or Cao et al.'s non-distance map
 * ({@link MapKind#CAO}, {@code 1 - 2y}: -1 inside, +1 outside), which makes this Cao et al.'s loss. A class
 * absent from an image has a zero level set (no boundary), so it contributes 0.
 *
 * <p>How this relates to the RW loss over the same map {@code z} (the paper's Propositions 2 and 4):
 * with all classes it is exactly {@link RwLoss}; over the foreground it is {@code C / (C - 1)} times the RW
 * loss of {@code z} with the background channel zeroed.
 */
public final class BoundaryLoss implements Loss {
    private final String name;
    private final MapKind levelSet;
    private final boolean includeBackground;

    public BoundaryLoss(String name, MapKind levelSet, boolean includeBackground) {
        this.name = name;
        this.levelSet = levelSet;
        this.includeBackground = includeBackground;
    }

    /** Kervadec's loss as published: his signed distance, foreground classes. */
    public static BoundaryLoss kervadec() {
        return new BoundaryLoss("boundary-term", MapKind.BOUNDARY_KERVADEC, false);
    }

    /** Cao et al.'s loss: the {@code 1 - 2y} map, foreground classes. */
    public static BoundaryLoss cao() {
        return new BoundaryLoss("cao", MapKind.CAO, false);
    }

    public MapKind levelSet() {
        return levelSet;
    }

    public boolean includeBackground() {
        return includeBackground;
    }

    @Override
    public Tensor forward(Tensor logits, Target target) {
        target.requireLogits(logits, name);
        Tensor s = logits.softmax(1);
        Tensor phi = target.mapTensor(MapSource.of(levelSet));
        if (!includeBackground) {
            s = Channels.foreground(s);
            phi = Channels.foreground(phi);
        }
        return s.mul(phi).mean();
    }

    @Override
    public String name() {
        return name;
    }
}
