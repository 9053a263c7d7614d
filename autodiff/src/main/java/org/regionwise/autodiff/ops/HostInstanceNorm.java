package org.regionwise.autodiff.ops;

import org.regionwise.autodiff.backend.Groups;
import org.regionwise.autodiff.backend.NormKernels;
import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link InstanceNormKernel}: one plane at a time through {@link NormKernels} (statistics in
 * double), planes split over the common pool. The Vector API planes of the fast CPU kernels
 * ({@code cpu.ParallelInstanceNorm}) are tested against it.
 */
public final class HostInstanceNorm implements InstanceNormKernel {
    HostInstanceNorm() {}

    @Override
    public void forward(int n, int c, int plane, float eps, Storage x, Storage gamma, Storage beta,
                        Storage y, Storage mean, Storage invStd) {
        forward(n, c, plane, eps, x.host(), gamma == null ? null : gamma.host(),
                beta == null ? null : beta.host(), y.host(), mean.host(), invStd.host());
        y.hostWritten();
        mean.hostWritten();
        invStd.hostWritten();
    }

    @Override
    public void backward(int n, int c, int plane, Storage x, Storage dy, Storage mean, Storage invStd,
                         Storage gamma, Storage dx, Storage dgamma, Storage dbeta) {
        backward(n, c, plane, x.host(), dy.host(), mean.host(), invStd.host(),
                gamma == null ? null : gamma.host(), dx == null ? null : dx.host(),
                dgamma == null ? null : dgamma.host(), dbeta == null ? null : dbeta.host());
        if (dx != null) dx.hostWritten();
        if (dgamma != null) dgamma.hostWritten();
        if (dbeta != null) dbeta.hostWritten();
    }

    /** Instance norm forward over (n, c, plane): per plane i, mean[i], invStd[i] and y; gamma, beta may be null. */
    public static void forward(int n, int c, int plane, float eps, float[] x, float[] gamma, float[] beta,
                               float[] y, float[] mean, float[] invStd) {
        Groups.forEach(n * c, (long) n * c * plane, i -> plane(x, y, i * plane, plane, eps,
                gamma == null ? 1f : gamma[i % c], beta == null ? 0f : beta[i % c], mean, invStd, i));
    }

    /** One plane of {@link #forward}: x[off, off + plane) into y, its statistics at {@code row}. */
    public static void plane(float[] x, float[] y, int off, int plane, float eps, float gamma, float beta,
                             float[] mean, float[] invStd, int row) {
        double[] m = NormKernels.moments(x, off, 1, plane, plane);
        mean[row] = (float) m[0];
        invStd[row] = (float) (1.0 / Math.sqrt(m[1] + eps));
        NormKernels.normalize(x, y, off, 1, plane, plane, mean[row], invStd[row], gamma, beta);
    }

    /** Instance norm backward: dx, dgamma, dbeta accumulate (+=) and any of them may be null. */
    public static void backward(int n, int c, int plane, float[] x, float[] dy, float[] mean, float[] invStd,
                                float[] gamma, float[] dx, float[] dgamma, float[] dbeta) {
        // Planes run in parallel; gamma and beta sum over the samples of a channel, so the per-plane sums
        // are kept and reduced afterwards in a fixed order (deterministic regardless of threads).
        double[] sumG = new double[n * c];
        double[] sumGx = new double[n * c];
        Groups.forEach(n * c, (long) n * c * plane, i -> {
            double[] sums = NormKernels.backward(x, dy, dx, i * plane, 1, plane, plane, mean[i], invStd[i],
                    gamma == null ? 1f : gamma[i % c], true);
            sumG[i] = sums[0];
            sumGx[i] = sums[1];
        });
        addAffineGradients(n, c, sumG, sumGx, dgamma, dbeta);
    }

    /**
     * dbeta[c] += sum over samples of sumG[s, c], dgamma[c] += the same of sumGx (either may be null): the
     * per-plane sums of instance norm backward reduced per channel in sample order, so the result does not
     * depend on how the planes were split over threads.
     */
    public static void addAffineGradients(int n, int c, double[] sumG, double[] sumGx, float[] dgamma, float[] dbeta) {
        for (int ch = 0; ch < c; ch++) {
            double sg = 0;
            double sgx = 0;
            for (int s = 0; s < n; s++) {
                sg += sumG[s * c + ch];
                sgx += sumGx[s * c + ch];
            }
            if (dbeta != null) dbeta[ch] += (float) sg;
            if (dgamma != null) dgamma[ch] += (float) sgx;
        }
    }
}
