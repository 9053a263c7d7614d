package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.regionwise.autodiff.Tensor;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.Tolerance;
import org.regionwise.losses.LossRegistry;
import org.regionwise.losses.Target;

/**
 * The paper's losses as a training loop builds them (LossRegistry's {@code rrw}, and {@code rw-hd}, the
 * squared-softmax HD reformulation) on the GPU backend against the CPU: value and gradient with respect to
 * the logits, and residency: with the logits on the device, forward and backward upload the map of a new
 * target only (a target keeps it on the device: none on its next forward) and download nothing; reading the
 * loss is one float.
 *
 * <p>Tolerances: the device works in float where the CPU accumulates in double. Loss: 1e-5 relative plus
 * 1e-6 of the largest |map value|, over the mean (the per-pixel shares are float sums over classes);
 * gradient: 1e-4 relative plus 1e-5 of the largest |gradient| (the class sums can cancel).
 */
class RegionWiseLossParityTest {
    static final int B = 2, C = 3, H = 9, W = 11;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rrw", "rw-hd"})
    void valueAndGradientMatchTheCpuAndStayOnTheDevice(String lossName) {
        assertLossParity(GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 18), lossName);
    }

    /** Shared with the TornadoVM test. */
    static void assertLossParity(GpuBackend gpu, String lossName) {
        Random r = new Random(lossName.hashCode());
        int[] labels = blobs(r);
        float[] x = new float[B * C * H * W];
        for (int i = 0; i < x.length; i++) x[i] = (float) (3 * r.nextGaussian());
        Target target = Target.of(labels, B, H, W, C);

        Result cpu = run(new CpuBackend(new ReferenceKernels()), lossName, x, target);
        Result dev = run(gpu, lossName, x, target);

        float mapMax = 0;
        for (float v : target.map(((org.regionwise.losses.RwLoss) LossRegistry.create(lossName)).source())) {
            mapMax = Math.max(mapMax, Math.abs(v));
        }
        float gradMax = 0;
        for (float v : cpu.gradient) gradMax = Math.max(gradMax, Math.abs(v));
        Tolerance lossTol = new Tolerance(1e-6 * mapMax, 1e-5);
        Tolerance gradTol = new Tolerance(1e-5 * gradMax, 1e-4);
        System.out.printf("[gpu] %s on %s: loss %.7g vs cpu %.7g (%.2f of allowance), gradient %.2f of allowance%n", lossName,
                gpu.name(), dev.loss, cpu.loss, lossTol.worstRatio(new float[] {cpu.loss}, new float[] {dev.loss}),
                gradTol.worstRatio(cpu.gradient, dev.gradient));
        lossTol.assertClose(lossName + " loss", new float[] {cpu.loss}, new float[] {dev.loss});
        gradTol.assertClose(lossName + " gradient", cpu.gradient, dev.gradient);

        // Residency: forward and backward move the map of a new target up and nothing else, until the loss is read;
        // the target keeps its map on the device, so a second forward on it uploads nothing.
        Target fresh = Target.of(labels, B, H, W, C);
        for (int pass = 0; pass < 2; pass++) {
            int mapUploads = pass == 0 ? 1 : 0;
            on(gpu, () -> {
                Tensor logits = Tensor.of(x.clone(), B, C, H, W).requiresGrad(true);
                ((GpuStorage) logits.storage()).deviceOffset();
                TransferStats stats = gpu.stats();
                long uploads = stats.uploads();
                long uploaded = stats.uploadedFloats();
                long downloads = stats.downloads();
                Tensor loss = LossRegistry.create(lossName).forward(logits, fresh);
                loss.backward();
                assertEquals(mapUploads, stats.uploads() - uploads, "uploads in forward + backward (the map, once per target)");
                assertEquals(mapUploads * B * C * H * W, stats.uploadedFloats() - uploaded, "floats uploaded (the map, once)");
                assertEquals(0, stats.downloads() - downloads, "downloads before the loss is read");
                assertTrue(((GpuStorage) logits.gradStorage()).hostIsStale(), "the gradient stays on the device");
                long downloaded = stats.downloadedFloats();
                loss.item();
                assertEquals(1, stats.downloadedFloats() - downloaded, "reading the loss downloads one float");
                return null;
            });
        }
    }

    private record Result(float loss, float[] gradient) {}

    private static Result run(Backend backend, String lossName, float[] x, Target target) {
        return on(backend, () -> {
            Tensor logits = Tensor.of(x.clone(), B, C, H, W).requiresGrad(true);
            Tensor loss = LossRegistry.create(lossName).forward(logits, target);
            float value = loss.item();
            loss.backward();
            return new Result(value, logits.gradStorage().host().clone());
        });
    }

    /** Rectangles of classes 1 and 2 on background, different per image, so the distance maps are not trivial. */
    private static int[] blobs(Random r) {
        int[] labels = new int[B * H * W];
        for (int b = 0; b < B; b++) {
            for (int cls = 1; cls < C; cls++) {
                int h0 = r.nextInt(H - 3);
                int w0 = r.nextInt(W - 3);
                int h1 = h0 + 2 + r.nextInt(H - h0 - 2);
                int w1 = w0 + 2 + r.nextInt(W - w0 - 2);
                for (int h = h0; h < h1; h++) {
                    for (int w = w0; w < w1; w++) labels[(b * H + h) * W + w] = cls;
                }
            }
        }
        return labels;
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
