package org.regionwise.layers.functional;

import org.regionwise.autodiff.backend.Groups;
import org.regionwise.autodiff.backend.NormKernels;
import org.regionwise.autodiff.backend.Storage;

/**
 * The host body of {@link BatchNormKernel}: autodiff's {@link NormKernels} per channel (a group of n runs of
 * {@code plane} values, {@code c * plane} apart), channels split across threads, statistics in double.
 */
public final class HostBatchNorm implements BatchNormKernel {
    HostBatchNorm() {}

    @Override
    public void statistics(int n, int c, int plane, double eps, Storage x, Storage mean, Storage var, Storage invStd) {
        float[] in = x.host();
        float[] m = mean.host();
        float[] v = var.host();
        float[] s = invStd.host();
        Groups.forEach(c, in.length, ch -> {
            double[] moments = NormKernels.moments(in, ch * plane, n, c * plane, plane);
            m[ch] = (float) moments[0];
            v[ch] = (float) moments[1];
            s[ch] = (float) (1.0 / Math.sqrt(moments[1] + eps));
        });
        mean.hostWritten();
        var.hostWritten();
        invStd.hostWritten();
    }

    @Override
    public void invStd(int c, double eps, Storage runningVar, Storage invStd) {
        float[] v = runningVar.host();
        float[] s = invStd.host();
        for (int ch = 0; ch < c; ch++) s[ch] = (float) (1.0 / Math.sqrt(v[ch] + eps));
        invStd.hostWritten();
    }

    @Override
    public void forward(int n, int c, int plane, Storage x, Storage mean, Storage invStd, Storage gamma, Storage beta,
                        Storage y) {
        float[] in = x.host();
        float[] out = y.host();
        float[] m = mean.host();
        float[] s = invStd.host();
        float[] g = gamma == null ? null : gamma.host();
        float[] b = beta == null ? null : beta.host();
        Groups.forEach(c, in.length, ch -> NormKernels.normalize(in, out, ch * plane, n, c * plane, plane,
                m[ch], s[ch], g == null ? 1f : g[ch], b == null ? 0f : b[ch]));
        y.hostWritten();
    }

    @Override
    public void backward(int n, int c, int plane, boolean fromInput, Storage x, Storage dy, Storage mean, Storage invStd,
                         Storage gamma, Storage dx, Storage dgamma, Storage dbeta) {
        float[] in = x.host();
        float[] g = dy.host();
        float[] gx = dx == null ? null : dx.host();
        float[] m = mean.host();
        float[] s = invStd.host();
        float[] gam = gamma == null ? null : gamma.host();
        float[] gGamma = dgamma == null ? null : dgamma.host();
        float[] gBeta = dbeta == null ? null : dbeta.host();
        Groups.forEach(c, in.length, ch -> {
            double[] sums = NormKernels.backward(in, g, gx, ch * plane, n, c * plane, plane, m[ch], s[ch],
                    gam == null ? 1f : gam[ch], fromInput);
            if (gBeta != null) gBeta[ch] += (float) sums[0];
            if (gGamma != null) gGamma[ch] += (float) sums[1];
        });
        if (dx != null) dx.hostWritten();
        if (dgamma != null) dgamma.hostWritten();
        if (dbeta != null) dbeta.hostWritten();
    }

    @Override
    public void updateRunning(int c, double momentum, double unbias, Storage mean, Storage var, Storage runningMean,
                              Storage runningVar) {
        float[] m = mean.host();
        float[] v = var.host();
        float[] rm = runningMean.host();
        float[] rv = runningVar.host();
        for (int ch = 0; ch < c; ch++) {
            rm[ch] = (float) ((1 - momentum) * rm[ch] + momentum * m[ch]);
            rv[ch] = (float) ((1 - momentum) * rv[ch] + momentum * v[ch] * unbias);
        }
        runningMean.hostWritten();
        runningVar.hostWritten();
    }
}
