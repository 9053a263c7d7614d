package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.HostInstanceNorm;
import org.regionwise.autodiff.ops.InstanceNormKernel;

/**
 * Instance norm on the fast kernels' worker threads, a plane per task, with the kernel set's
 * {@link Elementwise} plane bodies (Vector API when present). Reference twin: {@link HostInstanceNorm}.
 */
final class ParallelInstanceNorm implements InstanceNormKernel {
    private final TiledKernels owner;
    private final Elementwise elementwise;

    ParallelInstanceNorm(TiledKernels owner, Elementwise elementwise) {
        this.owner = owner;
        this.elementwise = elementwise;
    }

    @Override
    public void forward(int n, int c, int plane, float eps, Storage x, Storage gamma, Storage beta,
                        Storage y, Storage mean, Storage invStd) {
        float[] in = x.host();
        float[] out = y.host();
        float[] m = mean.host();
        float[] r = invStd.host();
        float[] g = gamma == null ? null : gamma.host();
        float[] b = beta == null ? null : beta.host();
        synchronized (owner) {
            owner.pool().run(n * c, (row, w) -> elementwise.instanceNormPlane(in, out, row * plane, plane, eps,
                    g == null ? 1f : g[row % c], b == null ? 0f : b[row % c], m, r, row));
        }
        y.hostWritten();
        mean.hostWritten();
        invStd.hostWritten();
    }

    @Override
    public void backward(int n, int c, int plane, Storage x, Storage dy, Storage mean, Storage invStd,
                         Storage gamma, Storage dx, Storage dgamma, Storage dbeta) {
        float[] in = x.host();
        float[] g = dy.host();
        float[] m = mean.host();
        float[] r = invStd.host();
        float[] gam = gamma == null ? null : gamma.host();
        float[] gx = dx == null ? null : dx.host();
        double[] sumG = new double[n * c];
        double[] sumGx = new double[n * c];
        synchronized (owner) {
            owner.pool().run(n * c, (row, w) -> {
                double[] sums = elementwise.instanceNormPlaneBackward(in, g, gx, row * plane, plane, m[row], r[row],
                        gam == null ? 1f : gam[row % c]);
                sumG[row] = sums[0];
                sumGx[row] = sums[1];
            });
        }
        HostInstanceNorm.addAffineGradients(n, c, sumG, sumGx, dgamma == null ? null : dgamma.host(),
                dbeta == null ? null : dbeta.host());
        if (dx != null) dx.hostWritten();
        if (dgamma != null) dgamma.hostWritten();
        if (dbeta != null) dbeta.hostWritten();
    }
}
