package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.HostOps;
import org.regionwise.autodiff.backend.NormKernels;
import org.regionwise.autodiff.ops.HostInstanceNorm;

/** The elementwise bodies as plain loops: {@link HostOps} on a range. */
final class ScalarElementwise implements Elementwise {
    @Override
    public void leakyRelu(float slope, float[] x, float[] y, int from, int to) {
        HostOps.leakyRelu(slope, x, y, from, to);
    }

    @Override
    public void leakyReluBackward(float slope, float[] x, float[] dy, float[] dx, int from, int to) {
        HostOps.leakyReluBackward(slope, x, dy, dx, from, to);
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int momentOffset, int from, int to, AdamStep s) {
        HostOps.adam(p, from, g, from, m, v, momentOffset + from, to - from, s);
    }

    @Override
    public void instanceNormPlane(float[] x, float[] y, int off, int plane, float eps, float gamma, float beta,
                                  float[] mean, float[] invStd, int row) {
        HostInstanceNorm.plane(x, y, off, plane, eps, gamma, beta, mean, invStd, row);
    }

    @Override
    public double[] instanceNormPlaneBackward(float[] x, float[] dy, float[] dx, int off, int plane, float mean, float invStd,
                                              float gamma) {
        return NormKernels.backward(x, dy, dx, off, 1, plane, plane, mean, invStd, gamma, true);
    }
}
