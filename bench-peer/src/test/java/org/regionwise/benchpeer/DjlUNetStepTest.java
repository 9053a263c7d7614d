package org.regionwise.benchpeer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Iterator;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.regionwise.experiments.bench.TrainingStep;
import org.regionwise.experiments.bench.UNetStepPeer;
import org.regionwise.experiments.bench.UNetStepSpec;

/** The peer's building blocks against plain loops, and a few training steps that lower the loss. */
class DjlUNetStepTest {
    private static Engine engine;
    private static NDManager manager;

    @BeforeAll
    static void start() {
        engine = DjlPyTorchPeer.start(2);
        manager = engine.newBaseManager(Device.cpu());
    }

    @AfterAll
    static void stop() {
        manager.close();
    }

    @Test
    void isFoundByServiceLoaderAndRunsOffline() {
        Iterator<UNetStepPeer> it = ServiceLoader.load(UNetStepPeer.class).iterator();
        assertTrue(it.hasNext());
        assertTrue(it.next().name().startsWith("PyTorch 2.7.1 (DJL 0.36.0"));
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertArrayEquals(new int[] {2, 2}, DjlPyTorchPeer.threads(), "intra-op, inter-op threads");
    }

    @Test
    void upsampleIsTheTransposedConvolution() {
        int n = 2, cin = 3, cout = 4, h = 3, w = 5;
        Random r = new Random(1);
        float[] x = random(r, n * cin * h * w);
        float[] k = random(r, cin * cout * 4);
        float[] got = DjlUNetStep.upsample(manager.create(x, new Shape(n, cin, h, w)),
                manager.create(k, new Shape(cin, cout, 2, 2))).toFloatArray();
        float[] want = new float[n * cout * 2 * h * 2 * w];
        for (int b = 0; b < n; b++)
            for (int o = 0; o < cout; o++)
                for (int i = 0; i < 2 * h; i++)
                    for (int j = 0; j < 2 * w; j++) {
                        double s = 0;
                        for (int c = 0; c < cin; c++) {
                            s += x[((b * cin + c) * h + i / 2) * w + j / 2] * k[((c * cout + o) * 2 + i % 2) * 2 + j % 2];
                        }
                        want[((b * cout + o) * 2 * h + i) * 2 * w + j] = (float) s;
                    }
        assertArrayEquals(want, got, 1e-5f);
    }

    @Test
    void instanceNormNormalisesEachPlaneThenScalesAndShifts() {
        int n = 2, c = 3, hw = 16;
        Random r = new Random(2);
        float[] x = random(r, n * c * hw);
        for (int i = 0; i < x.length; i++) x[i] = 5 + 3 * x[i];
        float[] gamma = {1f, 2f, 0.5f};
        float[] beta = {0f, 1f, -3f};
        float[] y = DjlUNetStep.instanceNorm(manager.create(x, new Shape(n, c, 4, 4)), manager.create(gamma),
                manager.create(beta)).toFloatArray();
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                int off = (b * c + ch) * hw;
                double mean = 0, xm = 0, xv = 0;
                for (int i = 0; i < hw; i++) xm += x[off + i] / (double) hw;
                for (int i = 0; i < hw; i++) xv += (x[off + i] - xm) * (x[off + i] - xm) / hw;
                for (int i = 0; i < hw; i++) {
                    double want = (x[off + i] - xm) / Math.sqrt(xv + 1e-5) * gamma[ch] + beta[ch];
                    assertEquals(want, y[off + i], 1e-4, "plane " + b + "," + ch);
                    mean += y[off + i];
                }
                assertEquals(beta[ch], mean / hw, 1e-4);
            }
        }
    }

    /**
     * The convolutions of the standard network give the same input and weight gradients on every run (on 2
     * threads). A guard, because libtorch 2.7.1 does not for an 8 -> 8 3x3 convolution (see
     * UNetStepSpec.quick), and a peer producing garbage would make its timing meaningless.
     */
    @Test
    void standardConvolutionGradientsAreRepeatable() {
        int[][] shapes = {{8, 32, 32, 128, 3, 1}, {8, 32, 64, 128, 3, 2}, {8, 64, 32, 128, 3, 1}, {8, 512, 512, 8, 3, 1},
            {8, 32, 4, 128, 1, 1}, {2, 16, 16, 32, 3, 1}, {2, 32, 16, 32, 3, 1}};
        for (int[] s : shapes) {
            float[] first = null;
            for (int t = 0; t < 3; t++) {
                float[] g = convGradients(s[0], s[1], s[2], s[3], s[4], s[5]);
                for (float v : g) assertTrue(Float.isFinite(v), java.util.Arrays.toString(s));
                if (first == null) first = g;
                else assertArrayEquals(first, g, java.util.Arrays.toString(s));
            }
        }
    }

    private static float[] convGradients(int n, int c, int k, int hw, int ks, int stride) {
        Random r = new Random(3);
        int out = (hw + 2 * (ks / 2) - ks) / stride + 1;
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(random(r, n * c * hw * hw), new Shape(n, c, hw, hw));
            NDArray w = m.create(random(r, k * c * ks * ks), new Shape(k, c, ks, ks));
            NDArray b = m.zeros(new Shape(k));
            NDArray seed = m.create(random(r, n * k * out * out), new Shape(n, k, out, out));
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            b.setRequiresGradient(true);
            try (ai.djl.training.GradientCollector collector = engine.newGradientCollector()) {
                NDArray y = ai.djl.nn.convolutional.Conv2d.conv2d(x, w, b, new Shape(stride, stride),
                        new Shape(ks / 2, ks / 2)).singletonOrThrow();
                collector.backward(y.mul(seed).sum());
            }
            float[] dx = x.getGradient().toFloatArray();
            float[] dw = w.getGradient().toFloatArray();
            float[] all = java.util.Arrays.copyOf(dx, dx.length + dw.length);
            System.arraycopy(dw, 0, all, dx.length, dw.length);
            return all;
        }
    }

    @Test
    void stepsTrainTheQuickNetwork() {
        UNetStepSpec spec = UNetStepSpec.quick(2);
        try (TrainingStep step = new DjlPyTorchPeer().open(spec)) {
            float first = step.run();
            float last = first;
            for (int i = 0; i < 9; i++) last = step.run();
            assertTrue(Float.isFinite(first) && Float.isFinite(last));
            assertTrue(first > 1.0 && first < 2.5, "initial cross entropy near ln 4: " + first);
            assertTrue(last < first, "loss " + first + " -> " + last);
        }
    }

    @Test
    void parameterCountMatchesTheRegionwiseNetworkWithoutCoarseHeads() {
        UNetStepSpec spec = UNetStepSpec.standard(2);
        try (DjlUNetStep step = new DjlUNetStep(spec, engine)) {
            // regionwise's UNet2d(5 levels, 32..512, 1 in, 4 classes) minus its 3 coarse heads (256, 128, 64 -> 4).
            long coarseHeads = 4L * (256 + 128 + 64);
            assertEquals(regionwiseCount(spec) - coarseHeads, step.parameterCount());
        }
    }

    private static long regionwiseCount(UNetStepSpec spec) {
        return new org.regionwise.layers.UNet2d(new org.regionwise.layers.UNet2dConfig(spec.inChannels(), spec.classes(),
                spec.levels(), spec.baseFilters(), spec.maxFilters(), org.regionwise.layers.NormType.INSTANCE, false),
                new Random(0)).parameterCount();
    }

    private static float[] random(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) r.nextGaussian();
        return a;
    }
}
