package org.regionwise.layers.functional;

import org.regionwise.autodiff.Shape;
import org.regionwise.autodiff.Tensor;

/** Argument checks shared by the norm ops, with messages that name the shapes. */
final class NormChecks {
    private NormChecks() {}

    static void affine(String op, int[] inputShape, Tensor weight, Tensor bias) {
        if ((weight == null) != (bias == null)) {
            throw new IllegalArgumentException(op + ": weight and bias must be given together (affine) or both be null");
        }
        if (weight != null) perChannel(op, "weight", inputShape, weight);
        if (bias != null) perChannel(op, "bias", inputShape, bias);
    }

    static void perChannel(String op, String what, int[] inputShape, Tensor t) {
        if (t.rank() != 1 || t.dim(0) != inputShape[1]) {
            throw new IllegalArgumentException(op + ": " + what + " " + Shape.str(t.shape()) + " does not match the "
                    + inputShape[1] + " channels of input " + Shape.str(inputShape));
        }
    }
}
