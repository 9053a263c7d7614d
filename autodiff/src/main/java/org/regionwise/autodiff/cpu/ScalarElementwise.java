package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.HostOps;

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
}
