package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of the fused {@link SoftmaxCrossEntropy} op, owned by the op: a kernel set that accelerates it
 * registers an implementation ({@link org.regionwise.autodiff.backend.Kernels#fused}); every other one runs
 * {@link #HOST}.
 */
public interface SoftmaxCrossEntropyKernel {
    /** The host body: plain loops in double, the definition the faster implementations are tested against. */
    SoftmaxCrossEntropyKernel HOST = new HostSoftmaxCrossEntropy();

    /**
     * loss[0] = mean soft-target cross entropy of channel-softmax logits (n, c, plane); dlogits (may be null)
     * = its gradient with respect to the logits. See {@link HostSoftmaxCrossEntropy#loss}.
     */
    void forward(int n, int c, int plane, Storage logits, Storage target, Storage loss, Storage dlogits);
}
