package org.regionwise.losses;

import org.regionwise.autodiff.Tensor;

/** Channel selections of {@code (B, C, H, W)} tensors shared by the losses. */
final class Channels {
    private Channels() {}

    /** Channels 1 .. C-1: everything but the background. */
    static Tensor foreground(Tensor t) {
        return t.slice(1, 1, t.dim(1));
    }
}
