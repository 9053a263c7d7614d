package org.regionwise.layers.functional;

import org.regionwise.autodiff.backend.Storage;

/**
 * The kernel of fused batch normalisation ({@link BatchNormOp}) and of {@code BatchNorm2d}'s running statistics,
 * owned by the op: a kernel set that accelerates it registers an implementation
 * ({@link org.regionwise.autodiff.backend.Kernels#fused}); every other one runs {@link #HOST}. NCHW data
 * (n, c, plane); statistics are per channel, over the batch and the plane.
 */
public interface BatchNormKernel {
    /** The host body, see {@link HostBatchNorm}. */
    BatchNormKernel HOST = new HostBatchNorm();

    /** Per channel: mean, biased variance and 1 / sqrt(var + eps) of x (all three overwritten). */
    void statistics(int n, int c, int plane, double eps, Storage x, Storage mean, Storage var, Storage invStd);

    /** invStd = 1 / sqrt(runningVar + eps), per channel (evaluation mode; overwritten). */
    void invStd(int c, double eps, Storage runningVar, Storage invStd);

    /** y = (x - mean[c]) * invStd[c] * gamma[c] + beta[c]; gamma and beta both null: 1 and 0. y is overwritten. */
    void forward(int n, int c, int plane, Storage x, Storage mean, Storage invStd, Storage gamma, Storage beta, Storage y);

    /**
     * dx, dgamma, dbeta += their gradients (any may be null); {@code fromInput}: the statistics came from x
     * (training), so the gradient flows through them too. See {@code autodiff.backend.NormKernels#backward}.
     */
    void backward(int n, int c, int plane, boolean fromInput, Storage x, Storage dy, Storage mean, Storage invStd,
                  Storage gamma, Storage dx, Storage dgamma, Storage dbeta);

    /**
     * running = (1 - momentum) running + momentum * batch statistic, per channel, the variance's times
     * {@code unbias} (M / (M - 1)): PyTorch's update, in double.
     */
    void updateRunning(int c, double momentum, double unbias, Storage mean, Storage var, Storage runningMean,
                       Storage runningVar);
}
