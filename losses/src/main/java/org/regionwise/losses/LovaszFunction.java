package org.regionwise.losses;

import org.regionwise.autodiff.Function;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Storage;

/**
 * The Lovasz-softmax op on probabilities {@code (B, C, H, W)}: forward sorts each present class's errors
 * and remembers, per element, the weight its error got (the Jaccard-gradient entry at its rank, over the
 * number of present classes and images); backward is that weight times the derivative of
 * {@code |y - s|}, i.e. {@code -sign(y - s)} (0 where they are equal, PyTorch's abs).
 *
 * <p>The op owns its kernel, {@link LovaszKernel}: the backend's implementation when it has one (on a device
 * backend the sort runs there and the loss stays resident: the one-hot labels, kept by the {@link Target}, are
 * uploaded once per target), else {@link HostLovasz}.
 */
final class LovaszFunction extends Function {
    /**
     * d loss / d s for every element: the weight its error got (0 for classes absent from an image) times
     * d error / d s (-1 for a label pixel below 1, +1 for a non-label pixel above 0, 0 at equality). Kept in the
     * backend's storage, so backward is one scaled add there.
     */
    private final Storage dProbs;

    private LovaszFunction(Tensor probs, Storage dProbs) {
        super(probs);
        this.dProbs = dProbs;
    }

    static Tensor apply(Tensor probs, Target target) {
        Backend backend = probs.backend();
        Storage dProbs = backend.allocateScratch(probs.numel());
        Storage loss = backend.allocateScratch(1);
        backend.kernels().fused(LovaszKernel.class, LovaszKernel.HOST).forward(target.batch(), target.classes(),
                target.pixels(), probs.storage(), target.oneHotTensor().storage(), loss, dProbs);
        return Tensor.fromOp(new LovaszFunction(probs, dProbs), loss, new int[0]);
    }

    @Override
    protected void backward(Storage gradOut) {
        Storage gs = gradStorageOf(0);
        if (gs == null) return;
        input(0).backend().kernels().scaledAccumulate(gradOut, dProbs, gs);
    }

    @Override
    public String name() {
        return "LovaszSoftmax";
    }
}
