package org.regionwise.autodiff.optim;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link AdamKernel}: the per-parameter loop, each parameter through its own backend's
 * {@code Kernels.adam} (a CPU kernel set's threaded, vectorised update; {@code HostOps.adam} is the reference).
 * This is exactly what {@link Adam#step()} did before the step became one kernel call, so training on the CPU
 * is bit for bit unchanged.
 */
final class HostAdam implements AdamKernel {
    HostAdam() {}

    @Override
    public void step(Storage[] params, Storage[] grads, Storage m, Storage v, int[] momentOffsets, AdamStep step) {
        for (int i = 0; i < params.length; i++) {
            if (grads[i] == null) continue;
            params[i].backend().kernels().adam(params[i], grads[i], m, v, momentOffsets[i], step);
        }
    }
}
