package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.HostOps;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.HostInstanceNorm;
import org.regionwise.autodiff.ops.HostSoftmaxCrossEntropy;
import org.regionwise.autodiff.ops.InstanceNormKernel;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropyKernel;

/**
 * The threaded elementwise kernels (leaky ReLU, Adam, softmax cross entropy, instance norm) against
 * {@link HostOps} and the fused ops' host bodies: bit-identical (instance norm: the scalar set only; the vector set sums its double
 * statistics in lanes and is held to a float's last bits), on sizes that leave vector tails and split
 * unevenly into tasks, so swapping kernel sets or thread counts never changes a trained model.
 */
class ElementwiseAgreementProperties {

    @Property(tries = 40)
    void leakyReluForwardAndBackward(@ForAll(supplier = FastKernelSets.class) Kernels kernels,
                                     @ForAll @IntRange(min = 1, max = 70_000) int size, @ForAll long seed) {
        Random r = new Random(seed);
        float slope = r.nextBoolean() ? 0.01f : r.nextFloat() * 2f - 1f;
        float[] x = Agreement.uniform(r, size);
        x[r.nextInt(size)] = 0f;
        x[r.nextInt(size)] = Float.NaN;
        float[] dy = Agreement.uniform(r, size);
        float[] dx0 = Agreement.uniform(r, size);

        float[] expectedY = new float[size];
        HostOps.leakyRelu(slope, x, expectedY, 0, size);
        float[] expectedDx = dx0.clone();
        HostOps.leakyReluBackward(slope, x, dy, expectedDx, 0, size);

        Backend cpu = new CpuBackend(kernels);
        Storage y = cpu.allocate(size);
        kernels.leakyRelu(slope, cpu.fromHost(x), y);
        Storage dx = cpu.fromHost(dx0.clone());
        kernels.leakyReluBackward(slope, cpu.fromHost(x), cpu.fromHost(dy), dx);
        assertArrayEquals(expectedY, y.host());
        assertArrayEquals(expectedDx, dx.host());
    }

    @Property(tries = 40)
    void adamStep(@ForAll(supplier = FastKernelSets.class) Kernels kernels, @ForAll @IntRange(min = 1, max = 70_000) int size,
                  @ForAll @IntRange(min = 0, max = 9) int momentOffset, @ForAll boolean weightDecay, @ForAll long seed) {
        Random r = new Random(seed);
        AdamStep s = new AdamStep(1e-3f / 0.1f, (float) Math.sqrt(0.001), 0.1f, 0.999f, 0.001f, 1e-8f, weightDecay ? 3e-5f : 0f);
        float[] p = Agreement.uniform(r, size);
        float[] g = Agreement.uniform(r, size);
        float[] m = Agreement.uniform(r, size + momentOffset);
        float[] v = Agreement.abs(Agreement.uniform(r, size + momentOffset));
        float[] ep = p.clone();
        float[] em = m.clone();
        float[] ev = v.clone();
        HostOps.adam(ep, 0, g, 0, em, ev, momentOffset, size, s);

        Backend cpu = new CpuBackend(kernels);
        Storage ps = cpu.fromHost(p);
        Storage ms = cpu.fromHost(m);
        Storage vs = cpu.fromHost(v);
        kernels.adam(ps, cpu.fromHost(g), ms, vs, momentOffset, s);
        assertArrayEquals(ep, ps.host());
        assertArrayEquals(em, ms.host());
        assertArrayEquals(ev, vs.host());
    }

    @Property(tries = 30)
    void softmaxCrossEntropy(@ForAll(supplier = FastKernelSets.class) Kernels kernels, @ForAll @IntRange(min = 1, max = 5) int n,
                             @ForAll @IntRange(min = 1, max = 6) int c, @ForAll @IntRange(min = 1, max = 300) int plane,
                             @ForAll long seed) {
        Random r = new Random(seed);
        float[] logits = Agreement.uniform(r, n * c * plane);
        float[] target = Agreement.abs(Agreement.uniform(r, n * c * plane));
        float[] expectedD = new float[logits.length];
        float expected = HostSoftmaxCrossEntropy.loss(n, c, plane, logits, target, expectedD);

        Backend cpu = new CpuBackend(kernels);
        Storage loss = cpu.allocate(1);
        Storage d = cpu.allocate(logits.length);
        SoftmaxCrossEntropyKernel fast = kernels.fused(SoftmaxCrossEntropyKernel.class, SoftmaxCrossEntropyKernel.HOST);
        assertNotSame(SoftmaxCrossEntropyKernel.HOST, fast, "the fast kernel sets register their own");
        fast.forward(n, c, plane, cpu.fromHost(logits), cpu.fromHost(target), loss, d);
        assertEquals(expected, loss.host()[0]);
        assertArrayEquals(expectedD, d.host());
    }

    @Property(tries = 40)
    void instanceNormForwardAndBackward(@ForAll(supplier = FastKernelSets.class) Kernels kernels,
                                        @ForAll @IntRange(min = 1, max = 3) int n, @ForAll @IntRange(min = 1, max = 5) int c,
                                        @ForAll @IntRange(min = 1, max = 700) int plane, @ForAll boolean affine,
                                        @ForAll boolean offset, @ForAll long seed) {
        Random r = new Random(seed);
        int count = n * c * plane;
        float[] x = Agreement.uniform(r, count);
        // An offset of 1000 on a unit spread: the case the two-pass double statistics are there for.
        if (offset) for (int i = 0; i < count; i++) x[i] = 1000f + x[i];
        float[] gamma = affine ? Agreement.uniform(r, c) : null;
        float[] beta = affine ? Agreement.uniform(r, c) : null;
        float[] dy = Agreement.uniform(r, count);
        float[] dx0 = Agreement.uniform(r, count);
        float[] dgamma0 = Agreement.uniform(r, c);
        float[] dbeta0 = Agreement.uniform(r, c);

        float[] ey = new float[count];
        float[] em = new float[n * c];
        float[] er = new float[n * c];
        HostInstanceNorm.forward(n, c, plane, 1e-5f, x, gamma, beta, ey, em, er);
        float[] edx = dx0.clone();
        float[] edgamma = affine ? dgamma0.clone() : null;
        float[] edbeta = affine ? dbeta0.clone() : null;
        HostInstanceNorm.backward(n, c, plane, x, dy, em, er, gamma, edx, edgamma, edbeta);

        Backend cpu = new CpuBackend(kernels);
        Storage y = cpu.allocate(count);
        Storage m = cpu.allocate(n * c);
        Storage inv = cpu.allocate(n * c);
        InstanceNormKernel fast = kernels.fused(InstanceNormKernel.class, InstanceNormKernel.HOST);
        assertNotSame(InstanceNormKernel.HOST, fast, "the fast kernel sets register their own");
        fast.forward(n, c, plane, 1e-5f, cpu.fromHost(x), affine ? cpu.fromHost(gamma) : null,
                affine ? cpu.fromHost(beta) : null, y, m, inv);
        Storage dx = cpu.fromHost(dx0.clone());
        Storage dgamma = affine ? cpu.fromHost(dgamma0.clone()) : null;
        Storage dbeta = affine ? cpu.fromHost(dbeta0.clone()) : null;
        // The same statistics for both backward passes, so only the backward's own sums can differ.
        fast.backward(n, c, plane, cpu.fromHost(x), cpu.fromHost(dy), cpu.fromHost(em), cpu.fromHost(er),
                affine ? cpu.fromHost(gamma) : null, dx, dgamma, dbeta);

        if (kernels instanceof ScalarKernels) {
            assertArrayEquals(ey, y.host());
            assertArrayEquals(em, m.host());
            assertArrayEquals(er, inv.host());
            assertArrayEquals(edx, dx.host());
            if (affine) {
                assertArrayEquals(edgamma, dgamma.host());
                assertArrayEquals(edbeta, dbeta.host());
            }
            return;
        }
        // Vector lanes sum the doubles in another order: the statistics may differ in a float's last bit, and
        // y then by that bit of the mean times the scale.
        for (int row = 0; row < n * c; row++) {
            assertEquals(em[row], m.host()[row], 2 * Math.ulp(em[row]), "mean of plane " + row);
            assertEquals(er[row], inv.host()[row], 2 * Math.ulp(er[row]), "1/std of plane " + row);
            float scale = Math.abs(er[row] * (affine ? gamma[row % c] : 1f));
            for (int i = row * plane; i < (row + 1) * plane; i++) {
                assertEquals(ey[i], y.host()[i], 1e-6 + 1e-6 * Math.abs(ey[i]) + 3 * Math.ulp(em[row]) * scale, "y " + i);
                assertEquals(edx[i], dx.host()[i], 1e-5 * (Math.abs(edx[i]) + scale * (Math.abs(dy[i]) + 1)), "dx " + i);
            }
        }
        if (affine) {
            for (int ch = 0; ch < c; ch++) {
                assertEquals(edgamma[ch], dgamma.host()[ch], 1e-5 * (1 + Math.abs(edgamma[ch])), "dgamma " + ch);
                assertEquals(edbeta[ch], dbeta.host()[ch], 1e-5 * (1 + Math.abs(edbeta[ch])), "dbeta " + ch);
            }
        }
    }
}
