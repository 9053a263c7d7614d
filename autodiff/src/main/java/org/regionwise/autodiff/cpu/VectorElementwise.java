package org.regionwise.autodiff.cpu;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.HostOps;

/**
 * The elementwise bodies on the Vector API, vector code inline in each loop (see {@link VectorMicroKernel}
 * on boxing). Lanewise IEEE operations in the scalar code's order, without FMA, so results equal
 * {@link HostOps} bit for bit; the tails run through HostOps itself.
 */
final class VectorElementwise implements Elementwise {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Doubles in a vector of F's width: each float vector widens into two of these. */
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;

    @Override
    public void leakyRelu(float slope, float[] x, float[] y, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            VectorMask<Float> positive = v.compare(VectorOperators.GT, 0f);
            v.mul(slope).blend(v, positive).intoArray(y, i);
        }
        HostOps.leakyRelu(slope, x, y, i, to);
    }

    @Override
    public void leakyReluBackward(float slope, float[] x, float[] dy, float[] dx, int from, int to) {
        int i = from;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            VectorMask<Float> positive = FloatVector.fromArray(F, x, i).compare(VectorOperators.GT, 0f);
            FloatVector g = FloatVector.fromArray(F, dy, i);
            FloatVector.fromArray(F, dx, i).add(g.mul(slope).blend(g, positive)).intoArray(dx, i);
        }
        HostOps.leakyReluBackward(slope, x, dy, dx, i, to);
    }

    @Override
    public void adam(float[] p, float[] g, float[] m, float[] v, int momentOffset, int from, int to, AdamStep s) {
        int i = from;
        boolean decay = s.weightDecay() != 0f;
        for (int end = from + F.loopBound(to - from); i < end; i += F.length()) {
            int k = momentOffset + i;
            FloatVector pv = FloatVector.fromArray(F, p, i);
            FloatVector grad = FloatVector.fromArray(F, g, i);
            if (decay) grad = grad.add(pv.mul(s.weightDecay()));
            FloatVector mv = FloatVector.fromArray(F, m, k);
            mv = mv.add(grad.sub(mv).mul(s.oneMinusBeta1()));
            FloatVector vv = FloatVector.fromArray(F, v, k).mul(s.beta2()).add(grad.mul(s.oneMinusBeta2()).mul(grad));
            FloatVector denom = vv.lanewise(VectorOperators.SQRT).div(s.biasCorrection2Sqrt()).add(s.eps());
            pv.sub(mv.div(denom).mul(s.stepSize())).intoArray(p, i);
            mv.intoArray(m, k);
            vv.intoArray(v, k);
        }
        HostOps.adam(p, i, g, i, m, v, momentOffset + i, to - i, s);
    }

    // Instance norm: sums in double, as NormKernels, with each float vector widened into two double halves.

    @Override
    public void instanceNormPlane(float[] x, float[] y, int off, int plane, float eps, float gamma, float beta,
                                  float[] mean, float[] invStd, int row) {
        int end = off + plane;
        int vectorEnd = off + F.loopBound(plane);
        DoubleVector s0 = DoubleVector.zero(D);
        DoubleVector s1 = DoubleVector.zero(D);
        int i = off;
        for (; i < vectorEnd; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            s0 = s0.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0));
            s1 = s1.add((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1));
        }
        double sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) sum += x[i];
        double m = sum / plane;
        // Second pass over squared deviations from the double mean: keeps the variance of offset data.
        DoubleVector md = DoubleVector.broadcast(D, m);
        DoubleVector q0 = DoubleVector.zero(D);
        DoubleVector q1 = DoubleVector.zero(D);
        for (i = off; i < vectorEnd; i += F.length()) {
            FloatVector v = FloatVector.fromArray(F, x, i);
            DoubleVector d0 = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 0)).sub(md);
            DoubleVector d1 = ((DoubleVector) v.convertShape(VectorOperators.F2D, D, 1)).sub(md);
            q0 = q0.add(d0.mul(d0));
            q1 = q1.add(d1.mul(d1));
        }
        double q = q0.add(q1).reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) q += (x[i] - m) * (x[i] - m);
        float meanF = (float) m;
        float inv = (float) (1.0 / Math.sqrt(q / plane + eps));
        mean[row] = meanF;
        invStd[row] = inv;
        float scale = inv * gamma;
        for (i = off; i < vectorEnd; i += F.length()) {
            FloatVector.fromArray(F, x, i).sub(meanF).mul(scale).add(beta).intoArray(y, i);
        }
        for (; i < end; i++) y[i] = (x[i] - meanF) * scale + beta;
    }

    @Override
    public double[] instanceNormPlaneBackward(float[] x, float[] dy, float[] dx, int off, int plane, float mean, float invStd,
                                              float gamma) {
        int end = off + plane;
        int vectorEnd = off + F.loopBound(plane);
        DoubleVector g0 = DoubleVector.zero(D);
        DoubleVector g1 = DoubleVector.zero(D);
        DoubleVector gx0 = DoubleVector.zero(D);
        DoubleVector gx1 = DoubleVector.zero(D);
        int i = off;
        for (; i < vectorEnd; i += F.length()) {
            FloatVector g = FloatVector.fromArray(F, dy, i);
            FloatVector xhat = FloatVector.fromArray(F, x, i).sub(mean).mul(invStd);
            DoubleVector gLo = (DoubleVector) g.convertShape(VectorOperators.F2D, D, 0);
            DoubleVector gHi = (DoubleVector) g.convertShape(VectorOperators.F2D, D, 1);
            g0 = g0.add(gLo);
            g1 = g1.add(gHi);
            gx0 = gx0.add(gLo.mul((DoubleVector) xhat.convertShape(VectorOperators.F2D, D, 0)));
            gx1 = gx1.add(gHi.mul((DoubleVector) xhat.convertShape(VectorOperators.F2D, D, 1)));
        }
        double sg = g0.add(g1).reduceLanes(VectorOperators.ADD);
        double sgx = gx0.add(gx1).reduceLanes(VectorOperators.ADD);
        for (; i < end; i++) {
            sg += dy[i];
            sgx += (double) dy[i] * ((x[i] - mean) * invStd);
        }
        if (dx != null) {
            float scale = gamma * invStd;
            float meanG = (float) (sg / plane);
            float meanGx = (float) (sgx / plane);
            for (i = off; i < vectorEnd; i += F.length()) {
                FloatVector xhat = FloatVector.fromArray(F, x, i).sub(mean).mul(invStd);
                FloatVector term = FloatVector.fromArray(F, dy, i).sub(meanG).sub(xhat.mul(meanGx)).mul(scale);
                FloatVector.fromArray(F, dx, i).add(term).intoArray(dx, i);
            }
            for (; i < end; i++) {
                float xhat = (x[i] - mean) * invStd;
                dx[i] += scale * (dy[i] - meanG - xhat * meanGx);
            }
        }
        return new double[] {sg, sgx};
    }
}
