package org.regionwise.losses;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of the fused Region-wise loss op ({@link RwFunction}), owned by the loss: a backend that
 * accelerates it registers an implementation (the GPU backend does), found through
 * {@link org.regionwise.autodiff.backend.Kernels#fused}; every other backend runs {@link #HOST}.
 */
public interface RegionWiseKernel {
    /** The host body, see {@link HostRegionWise}. */
    RegionWiseKernel HOST = new HostRegionWise();

    /**
     * loss[0] = the Region-wise loss, mean over (n, c, plane) of softmax(logits) * map (of softmax squared when
     * {@code squared}); probs (overwritten) = the channel softmax, saved for {@link #backward}.
     */
    void forward(int n, int c, int plane, boolean squared, Storage logits, Storage map, Storage loss, Storage probs);

    /**
     * dlogits += gradOut[0] times the gradient of {@link #forward} with respect to the logits, from the saved
     * probabilities (gradOut is one-element storage, so a device need not download it).
     */
    void backward(int n, int c, int plane, boolean squared, Storage probs, Storage map, Storage gradOut, Storage dlogits);
}
