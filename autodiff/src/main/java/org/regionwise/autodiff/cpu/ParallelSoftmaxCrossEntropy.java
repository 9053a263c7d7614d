package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.HostSoftmaxCrossEntropy;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropyKernel;

/**
 * The fused cross entropy on the fast kernels' worker threads, one task per sample. Reference twin:
 * {@link HostSoftmaxCrossEntropy}; the per-sample sums are added in sample order, so any thread count gives
 * its bits exactly.
 */
final class ParallelSoftmaxCrossEntropy implements SoftmaxCrossEntropyKernel {
    private final TiledKernels owner;

    ParallelSoftmaxCrossEntropy(TiledKernels owner) {
        this.owner = owner;
    }

    @Override
    public void forward(int n, int c, int plane, Storage logits, Storage target, Storage loss, Storage dlogits) {
        float[] z = logits.host();
        float[] y = target.host();
        float[] d = dlogits == null ? null : dlogits.host();
        double[] perSample = new double[n];
        synchronized (owner) {
            owner.pool().run(n, (b, w) -> perSample[b] = HostSoftmaxCrossEntropy.sample(b, n, c, plane, z, y, d));
        }
        double total = 0;
        for (double s : perSample) total += s;
        loss.host()[0] = (float) (total / ((double) n * plane));
        loss.hostWritten();
        if (dlogits != null) dlogits.hostWritten();
    }
}
