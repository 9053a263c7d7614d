package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.Tolerance;
import org.regionwise.losses.DeepSupervisionLoss;
import org.regionwise.losses.HostLovasz;
import org.regionwise.losses.LovaszKernel;
import org.regionwise.losses.LossRegistry;
import org.regionwise.losses.Target;

/**
 * LossRegistry's {@code lovasz} on the GPU backend (here its plain-Java device) against the CPU, whose op sorts on
 * the host: value and gradient with respect to the logits, alone and under deep supervision (three outputs, two
 * evaluated), batches of 1 to 3, image sizes that are mostly not powers of two, classes absent from an image, and
 * pixels sharing a few logit vectors (exactly equal softmax values, so equal errors: the device's tie order must be
 * the host's, lower pixel index first).
 * Then residency: forward and backward upload the one-hot labels of a new target once per evaluated size (the
 * target keeps them: none on its next forward), download nothing, and reading the loss is one float.
 *
 * <p>Tolerances: loss 1e-5 relative plus 1e-7 (a float sum against the host's double); gradient 1e-4 relative plus
 * 1e-5 of the largest |gradient| (the softmax backward sums over classes can cancel; the factor itself agrees to
 * 1e-5, LovaszKernelsProperties).
 */
class LovaszLossParityTest {
    private static final GpuBackend GPU = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 20);

    @Property(tries = 60)
    void valueAndGradientMatchTheCpuAndStayOnTheDevice(@ForAll @IntRange(min = 1, max = 3) int batch,
                                                       @ForAll @IntRange(min = 2, max = 4) int classes,
                                                       @ForAll @IntRange(min = 1, max = 13) int height,
                                                       @ForAll @IntRange(min = 1, max = 13) int width,
                                                       @ForAll boolean ties, @ForAll boolean deepSupervision,
                                                       @ForAll @IntRange(min = 0, max = 1000) int seed) {
        assertLossParity(GPU, new Case(batch, classes, height, width, ties, deepSupervision, seed));
    }

    /**
     * The registered kernel itself: on resident storages it moves nothing; with one storage from elsewhere (CPU
     * one-hot labels) ResidentOrHost runs the host body, whose result is then the CPU's to the bit.
     */
    @Example
    void residentCallsStayOnTheDeviceAndMixedOnesRunTheHostBody() {
        int batch = 2, classes = 3, n = 21, count = batch * classes * n;
        LovaszKernel kernel = GPU.kernels().fused(LovaszKernel.class, LovaszKernel.HOST);
        assertNotSame(LovaszKernel.HOST, kernel, "the GPU backend registers its own Lovasz kernel");
        float[] probs = new float[count];
        float[] oneHot = new float[count];
        for (int i = 0; i < count; i++) probs[i] = (i * 7 % 11) / 10f;
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n; i++) oneHot[(b * classes + (i * 5 + b) % classes) * n + i] = 1f;
        }
        float[] dRef = new float[count];
        float lossRef = HostLovasz.forward(batch, classes, n, probs, oneHot, dRef);

        GpuStorage s = GPU.fromHost(probs.clone());
        GpuStorage y = GPU.fromHost(oneHot.clone());
        s.deviceOffset();
        y.deviceOffset();
        GpuStorage loss = GPU.allocateScratch(1);
        GpuStorage d = GPU.allocateScratch(count);
        TransferStats stats = GPU.stats();
        long moves = stats.uploads() + stats.downloads();
        kernel.forward(batch, classes, n, s, y, loss, d);
        assertEquals(moves, stats.uploads() + stats.downloads(), "resident: nothing moved");
        LOSS.assertClose("device loss", new float[] {lossRef}, loss.host());

        Storage cpuOneHot = new CpuBackend(new ReferenceKernels()).fromHost(oneHot.clone());
        GpuStorage loss2 = GPU.allocateScratch(1);
        GpuStorage d2 = GPU.allocateScratch(count);
        kernel.forward(batch, classes, n, s, cpuOneHot, loss2, d2);
        assertEquals(Float.floatToIntBits(lossRef), Float.floatToIntBits(loss2.host()[0]), "host-body loss, to the bit");
        assertArrayEquals(dRef, d2.host(), "host-body gradient factor");
    }

    /** One draw: shapes, whether logits tie, whether deep supervision wraps the loss. */
    record Case(int batch, int classes, int height, int width, boolean ties, boolean deepSupervision, long seed) {
        /** Output sizes: full, and under deep supervision half and quarter (the last has weight 0: not evaluated). */
        List<int[]> sizes() {
            List<int[]> sizes = new ArrayList<>();
            int outputs = deepSupervision ? 3 : 1;
            for (int i = 0; i < outputs; i++) sizes.add(new int[] {Math.max(1, height >> i), Math.max(1, width >> i)});
            return sizes;
        }

        /**
         * The one-hot floats a new target uploads: one (B, C, h, w) tensor per distinct evaluated size (a target
         * resized to its own size is itself, so a 1-pixel-high image's half size shares its tensors).
         */
        long oneHotFloats() {
            List<int[]> sizes = sizes();
            int evaluated = deepSupervision ? sizes.size() - 1 : 1;
            java.util.Set<Long> distinct = new java.util.HashSet<>();
            long floats = 0;
            for (int i = 0; i < evaluated; i++) {
                int[] hw = sizes.get(i);
                if (distinct.add(((long) hw[0] << 32) | hw[1])) floats += (long) batch * classes * hw[0] * hw[1];
            }
            return floats;
        }
    }

    /** Shared with the TornadoVM test. */
    static void assertLossParity(GpuBackend gpu, Case c) {
        Random r = new Random(c.seed());
        int[] labels = new int[c.batch() * c.height() * c.width()];
        int plane = c.height() * c.width();
        for (int b = 0; b < c.batch(); b++) {
            int used = 1 + r.nextInt(c.classes()); // the classes above are absent from this image
            for (int i = 0; i < plane; i++) labels[b * plane + i] = r.nextInt(used);
        }
        List<float[]> inputs = logitValues(c, r, false);
        Target target = Target.of(labels, c.batch(), c.height(), c.width(), c.classes());

        Result cpu = on(new CpuBackend(new ReferenceKernels()), () -> run(c, inputs, target));
        Result dev = on(gpu, () -> run(c, inputs, target));

        LOSS.assertClose("lovasz loss " + c, new float[] {cpu.loss}, new float[] {dev.loss});
        for (int o = 0; o < cpu.gradients.size(); o++) {
            float gradMax = 0;
            for (float v : cpu.gradients.get(o)) gradMax = Math.max(gradMax, Math.abs(v));
            new Tolerance(1e-5 * gradMax, 1e-4).assertClose("lovasz gradient of output " + o + ", " + c, cpu.gradients.get(o),
                    dev.gradients.get(o));
        }

        // Residency: a new target's one-hot labels go up once per evaluated size, then nothing until the loss is read.
        Target fresh = Target.of(labels, c.batch(), c.height(), c.width(), c.classes());
        for (int pass = 0; pass < 2; pass++) {
            long expectedUp = pass == 0 ? c.oneHotFloats() : 0;
            on(gpu, () -> {
                List<Tensor> logits = logits(c, inputs);
                for (Tensor t : logits) ((GpuStorage) t.storage()).deviceOffset();
                TransferStats stats = gpu.stats();
                long uploaded = stats.uploadedFloats();
                long downloads = stats.downloads();
                Tensor loss = forward(c, logits, fresh);
                loss.backward();
                assertEquals(expectedUp, stats.uploadedFloats() - uploaded, "floats uploaded (one-hot labels, once per target)");
                assertEquals(0, stats.downloads() - downloads, "downloads before the loss is read");
                assertTrue(((GpuStorage) logits.get(0).gradStorage()).hostIsStale(), "the gradient stays on the device");
                long downloaded = stats.downloadedFloats();
                loss.item();
                assertEquals(1, stats.downloadedFloats() - downloaded, "reading the loss downloads one float");
                return null;
            });
        }
    }

    /**
     * Logits per output size. With {@code c.ties()} every pixel's logit vector is one of 3 drawn vectors, so many
     * pixels have exactly equal probabilities on each backend (computed by the same operations) and so exactly
     * equal errors; with {@code integers}, logits are 0, 1 or 2, whose softmax values also tie across different
     * vectors in exact arithmetic ({@code 1 - s(1) = s(-1)} for two classes) and differ there by float rounding,
     * differently on each backend.
     */
    private static List<float[]> logitValues(Case c, Random r, boolean integers) {
        float[][] pool = new float[3][c.classes()];
        for (float[] v : pool) for (int k = 0; k < v.length; k++) v[k] = (float) (3 * r.nextGaussian());
        List<float[]> inputs = new ArrayList<>();
        for (int[] hw : c.sizes()) {
            int plane = hw[0] * hw[1];
            float[] x = new float[c.batch() * c.classes() * plane];
            for (int b = 0; b < c.batch(); b++) {
                for (int i = 0; i < plane; i++) {
                    float[] v = pool[r.nextInt(pool.length)];
                    for (int k = 0; k < c.classes(); k++) {
                        x[(b * c.classes() + k) * plane + i] = integers ? r.nextInt(3)
                                : c.ties() ? v[k] : (float) (3 * r.nextGaussian());
                    }
                }
            }
            inputs.add(x);
        }
        return inputs;
    }

    /**
     * Where errors tie only in exact arithmetic (integer logits), the host and the device may order them differently
     * (their softmax values differ by float rounding), and the gradient, a subgradient that depends on the tie order,
     * may then differ; the value does not (the Lovasz extension is the same for any order of equal errors).
     */
    @Property(tries = 40)
    void valueMatchesWhereRoundingMayOrderNearTiesDifferently(@ForAll @IntRange(min = 1, max = 3) int batch,
                                                              @ForAll @IntRange(min = 2, max = 4) int classes,
                                                              @ForAll @IntRange(min = 1, max = 13) int height,
                                                              @ForAll @IntRange(min = 1, max = 13) int width,
                                                              @ForAll boolean deepSupervision,
                                                              @ForAll @IntRange(min = 0, max = 1000) int seed) {
        Case c = new Case(batch, classes, height, width, true, deepSupervision, seed);
        Random r = new Random(seed);
        int[] labels = new int[batch * height * width];
        for (int i = 0; i < labels.length; i++) labels[i] = r.nextInt(classes);
        List<float[]> inputs = logitValues(c, r, true);
        Target target = Target.of(labels, batch, height, width, classes);
        Result cpu = on(new CpuBackend(new ReferenceKernels()), () -> run(c, inputs, target));
        Result dev = on(GPU, () -> run(c, inputs, target));
        LOSS.assertClose("lovasz loss " + c, new float[] {cpu.loss}, new float[] {dev.loss});
    }

    private static final Tolerance LOSS = new Tolerance(1e-7, 1e-5);

    private record Result(float loss, List<float[]> gradients) {}

    private static Result run(Case c, List<float[]> inputs, Target target) {
        List<Tensor> logits = logits(c, inputs);
        Tensor loss = forward(c, logits, target);
        float value = loss.item();
        loss.backward();
        List<float[]> gradients = new ArrayList<>();
        int evaluated = c.deepSupervision() ? logits.size() - 1 : 1;
        for (int o = 0; o < evaluated; o++) gradients.add(logits.get(o).gradStorage().host().clone());
        return new Result(value, gradients);
    }

    private static List<Tensor> logits(Case c, List<float[]> inputs) {
        List<Tensor> logits = new ArrayList<>();
        List<int[]> sizes = c.sizes();
        for (int o = 0; o < sizes.size(); o++) {
            logits.add(Tensor.of(inputs.get(o).clone(), c.batch(), c.classes(), sizes.get(o)[0], sizes.get(o)[1]).requiresGrad(true));
        }
        return logits;
    }

    private static Tensor forward(Case c, List<Tensor> logits, Target target) {
        return c.deepSupervision()
                ? new DeepSupervisionLoss(LossRegistry.create("lovasz")).forward(logits, target)
                : LossRegistry.create("lovasz").forward(logits.get(0), target);
    }

    private static <T> T on(Backend backend, Supplier<T> body) {
        Backend previous = Backends.getDefault();
        Backends.setDefault(backend);
        try {
            return body.get();
        } finally {
            Backends.setDefault(previous);
        }
    }
}
