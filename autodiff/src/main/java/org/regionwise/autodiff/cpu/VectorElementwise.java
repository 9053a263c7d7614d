package org.regionwise.autodiff.cpu;

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
}
