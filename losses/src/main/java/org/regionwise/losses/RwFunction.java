package org.regionwise.losses;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * The fused Region-wise loss op: softmax over the class axis, times the map, mean over batch, classes
 * and pixels, in one pass; backward is the closed form of {@link RwGradient} (so there is no softmax
 * Jacobian to push a gradient through). With {@code squared} the softmax is squared first (the HD
 * reformulation).
 *
 * <p>The op owns its kernel, {@link RegionWiseKernel}: the backend's implementation when it has one (on a
 * device backend the loss then stays resident: the map, kept by its Target, is uploaded once per target), else {@link HostRegionWise}. Softmax is taken after subtracting each pixel's maximum logit, so logits of any size give
 * probabilities in [0, 1], a finite loss and a finite gradient. The probabilities are kept for backward.
 */
final class RwFunction extends Function {
    private final Storage probs;
    private final Storage z;
    private final int batch;
    private final int classes;
    private final int pixels;
    private final boolean squared;

    private RwFunction(Tensor logits, Storage probs, Storage z, int batch, int classes, int pixels, boolean squared) {
        super(logits);
        this.probs = probs;
        this.z = z;
        this.batch = batch;
        this.classes = classes;
        this.pixels = pixels;
        this.squared = squared;
    }

    /** {@code mean(s * z)} (or {@code mean(s^2 * z)}) of logits {@code (B, C, ...)} and a map of the same size. */
    static Tensor apply(Tensor logits, float[] z, boolean squared) {
        return apply(logits, logits.backend().fromHost(z), squared);
    }

    /** As above with the map already in storage (a {@link Target}'s, kept across forwards). */
    static Tensor apply(Tensor logits, Storage map, boolean squared) {
        int[] shape = logits.shape();
        int batch = shape[0];
        int classes = shape[1];
        int pixels = logits.numel() / (batch * classes);
        Backend backend = logits.backend();
        Storage probs = backend.allocateScratch(logits.numel());
        Storage loss = backend.allocateScratch(1);
        kernel(backend).forward(batch, classes, pixels, squared, logits.storage(), map, loss, probs);
        return Tensor.fromOp(new RwFunction(logits, probs, map, batch, classes, pixels, squared), loss, new int[0]);
    }

    @Override
    protected void backward(Storage gradOut) {
        Storage gx = gradStorageOf(0);
        if (gx == null) return;
        kernel(input(0).backend()).backward(batch, classes, pixels, squared, probs, z, gradOut, gx);
    }

    private static RegionWiseKernel kernel(Backend backend) {
        return backend.kernels().fused(RegionWiseKernel.class, RegionWiseKernel.HOST);
    }

    @Override
    public String name() {
        return squared ? "RwSquaredLoss" : "RwLoss";
    }
}
