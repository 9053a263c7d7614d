package org.regionwise.losses;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of the Lovasz-softmax op ({@link LovaszFunction}), owned by the loss: a backend that accelerates it
 * registers an implementation (the GPU backend does: a bitonic sort per image and class on the device), found
 * through {@link org.regionwise.autodiff.backend.Kernels#fused}; every other backend runs {@link #HOST}.
 */
public interface LovaszKernel {
    /** The host body, see {@link HostLovasz}. */
    LovaszKernel HOST = new HostLovasz();

    /**
     * loss[0] = the Lovasz-softmax loss of the probabilities {@code (batch, classes, pixels)} against the one-hot
     * labels of the same shape (entries 0 or 1, one 1 per pixel); dProbs (overwritten) = d loss / d probs, which
     * backward scales by the incoming gradient. See {@link HostLovasz#forward(int, int, int, float[], float[], float[])}.
     */
    void forward(int batch, int classes, int pixels, Storage probs, Storage oneHot, Storage loss, Storage dProbs);
}
