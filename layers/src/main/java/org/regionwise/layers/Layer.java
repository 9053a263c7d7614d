package org.regionwise.layers;

import org.regionwise.autodiff.Tensor;

/** A module with one tensor in and one tensor out, the building block {@link Sequential} chains. */
public abstract class Layer extends Module {

    /** The forward pass; records on the tape when grad mode is on and some input requires grad. */
    public abstract Tensor forward(Tensor x);
}
