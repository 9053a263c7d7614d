package org.regionwise.autodiff.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * The threaded elementwise kernels (leaky ReLU, Adam, softmax cross entropy) against {@link HostOps}:
 * bit-identical, on sizes that leave vector tails and split unevenly into tasks, so swapping kernel sets
 * or thread counts never changes a trained model.
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
        float expected = HostOps.softmaxCrossEntropy(n, c, plane, logits, target, expectedD);

        Backend cpu = new CpuBackend(kernels);
        Storage loss = cpu.allocate(1);
        Storage d = cpu.allocate(logits.length);
        kernels.softmaxCrossEntropy(n, c, plane, cpu.fromHost(logits), cpu.fromHost(target), loss, d);
        assertEquals(expected, loss.host()[0]);
        assertArrayEquals(expectedD, d.host());
    }
}
