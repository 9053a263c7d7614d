package org.regionwise.autodiff.optim;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of {@link Adam}'s step, owned by the optimiser: one call updates every parameter (PyTorch's
 * multi-tensor "foreach" Adam), so a device backend can run the whole step as one launch over a table of its
 * tensors instead of one launch per parameter. A kernel set that accelerates it registers an implementation
 * ({@link org.regionwise.autodiff.backend.Kernels#fused}); every other one runs {@link #HOST}.
 */
public interface AdamKernel {
    /** The host body, see {@link HostAdam}: one {@code Kernels.adam} call per parameter, on its own backend. */
    AdamKernel HOST = new HostAdam();

    /**
     * One Adam update of {@code params[i]} from {@code grads[i]} for every i whose gradient is not null (PyTorch
     * skips parameters without one); parameter i's moments are {@code m} and {@code v} from
     * {@code momentOffsets[i]} on (the optimiser's flat moment buffers, see {@link FlatParameters}).
     */
    void step(Storage[] params, Storage[] grads, Storage m, Storage v, int[] momentOffsets, AdamStep step);
}
