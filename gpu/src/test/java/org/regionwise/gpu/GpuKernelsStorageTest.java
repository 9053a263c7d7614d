package org.regionwise.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.autodiff.backend.HostOps;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.InstanceNormKernel;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropyKernel;
import org.regionwise.gpu.device.TransferStats;
import org.regionwise.gpu.testing.Tolerance;

/**
 * Every storage-level Kernels method of the GPU backend (plain-Java device) against the CPU backend with
 * the reference kernels, whose storage methods are the SPI's host defaults (HostOps): one program of calls
 * on the same inputs, every storage compared afterwards. On resident storages the program must move no
 * data at all; with a CPU storage mixed in, calls fall back to the host defaults and stay correct.
 */
class GpuKernelsStorageTest {
    private static final int N = 2, C = 3, H = 6, W = 5, K = 4, PLANE = H * W;
    private static final ConvGeometry CONV = ConvGeometry.of(N, C, H, W, K, 3, 3, 1, 1, 1);
    private static final Tolerance CLOSE = new Tolerance(1e-5, 1e-4);

    /** Storage names and sizes; contents are drawn from a generator seeded per name. */
    private static Map<String, Integer> layout() {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        sizes.put("x", CONV.inputSize());
        sizes.put("w", CONV.weightSize());
        sizes.put("bias", K);
        sizes.put("y", CONV.outputSize());
        sizes.put("dx", CONV.inputSize());
        sizes.put("dw", CONV.weightSize());
        sizes.put("dbias", K);
        sizes.put("filled", 17);
        sizes.put("cat", N * 2 * C * PLANE);
        sizes.put("catGrad", CONV.inputSize());
        sizes.put("sums", C);
        sizes.put("act", CONV.inputSize());
        sizes.put("actGrad", CONV.inputSize());
        sizes.put("target", CONV.inputSize());
        sizes.put("loss", 1);
        sizes.put("lossOnly", 1);
        sizes.put("dlogits", CONV.inputSize());
        sizes.put("seed", 1);
        sizes.put("gamma", C);
        sizes.put("beta", C);
        sizes.put("normed", CONV.inputSize());
        sizes.put("mean", N * C);
        sizes.put("invStd", N * C);
        sizes.put("normDx", CONV.inputSize());
        sizes.put("dgamma", C);
        sizes.put("dbeta", C);
        sizes.put("m", CONV.weightSize() + 7);
        sizes.put("v", CONV.weightSize() + 7);
        sizes.put("gemmC", 4 * 5);
        return sizes;
    }

    private static Map<String, Storage> storages(Backend backend) {
        Map<String, Storage> s = new LinkedHashMap<>();
        layout().forEach((name, size) -> {
            Random r = new Random(name.hashCode());
            float[] data = new float[size];
            for (int i = 0; i < size; i++) data[i] = name.equals("v") || name.equals("target") ? r.nextFloat() : 2 * r.nextFloat() - 1;
            s.put(name, backend.fromHost(data));
        });
        return s;
    }

    /** Every storage-level method once, in an order where later calls read earlier results. */
    private static void program(Kernels k, Map<String, Storage> s) {
        k.gemm(false, true, 4, 5, 6, 0.5f, s.get("x"), 3, 6, s.get("dx"), 1, 6, 0.25f, s.get("gemmC"), 0, 5);
        k.conv2dForward(CONV, s.get("x"), s.get("w"), s.get("bias"), s.get("y"));
        k.conv2dBackwardData(CONV, s.get("y"), s.get("w"), s.get("dx"));
        k.conv2dBackwardWeight(CONV, s.get("x"), s.get("y"), s.get("dw"), s.get("dbias"));
        k.fill(s.get("filled"), 0.75f);
        // concatenation of x with dx along channels, and its backward into catGrad
        int block = C * PLANE;
        k.copyBlocks(N, block, s.get("x"), 0, block, s.get("cat"), 0, 2 * block, false);
        k.copyBlocks(N, block, s.get("dx"), 0, block, s.get("cat"), block, 2 * block, false);
        k.copyBlocks(N, block, s.get("cat"), block, 2 * block, s.get("catGrad"), 0, block, true);
        k.addChannelBias(N, C, PLANE, s.get("gamma"), s.get("catGrad"));
        k.channelSums(N, C, PLANE, s.get("catGrad"), s.get("sums"));
        k.leakyRelu(0.01f, s.get("dx"), s.get("act"));
        k.leakyReluBackward(0.01f, s.get("dx"), s.get("catGrad"), s.get("actGrad"));
        SoftmaxCrossEntropyKernel ce = k.fused(SoftmaxCrossEntropyKernel.class, SoftmaxCrossEntropyKernel.HOST);
        ce.forward(N, C, PLANE, s.get("act"), s.get("target"), s.get("loss"), s.get("dlogits"));
        ce.forward(N, C, PLANE, s.get("actGrad"), s.get("target"), s.get("lossOnly"), null);
        k.scaledAccumulate(s.get("seed"), s.get("dlogits"), s.get("actGrad"));
        InstanceNormKernel norm = k.fused(InstanceNormKernel.class, InstanceNormKernel.HOST);
        norm.forward(N, C, PLANE, 1e-5f, s.get("actGrad"), s.get("gamma"), s.get("beta"), s.get("normed"),
                s.get("mean"), s.get("invStd"));
        norm.backward(N, C, PLANE, s.get("actGrad"), s.get("dlogits"), s.get("mean"), s.get("invStd"), s.get("gamma"),
                s.get("normDx"), null, s.get("dbeta"));
        norm.backward(N, C, PLANE, s.get("actGrad"), s.get("dlogits"), s.get("mean"), s.get("invStd"), s.get("gamma"),
                null, s.get("dgamma"), null);
        AdamStep step = new AdamStep(1e-2f, 0.0447f, 0.1f, 0.999f, 0.001f, 1e-8f, 1e-4f);
        k.adam(s.get("w"), s.get("dw"), s.get("m"), s.get("v"), 5, step);
    }

    @Test
    void everyStorageMethodMatchesTheHostDefaultsAndMovesNothingWhenResident() {
        Map<String, Storage> expected = storages(new CpuBackend(new ReferenceKernels()));
        program(expected.values().iterator().next().backend().kernels(), expected);

        GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 18);
        Map<String, Storage> actual = storages(backend);
        for (Storage s : actual.values()) ((GpuStorage) s).deviceOffset(); // upload everything first
        TransferStats stats = backend.stats();
        long uploads = stats.uploads();
        long downloads = stats.downloads();
        program(backend.kernels(), actual);
        assertEquals(uploads, stats.uploads(), "uploads during resident kernel calls");
        assertEquals(downloads, stats.downloads(), "downloads during resident kernel calls");

        for (String name : expected.keySet()) {
            CLOSE.assertClose(name, expected.get(name).host(), actual.get(name).host());
        }
    }

    @Test
    void aCpuStorageAmongDeviceOnesFallsBackToTheHostDefault() {
        GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 16);
        Backend cpu = new CpuBackend(new ReferenceKernels());
        Storage src = cpu.fromHost(new float[] {1, 2, 3, 4, 5, 6});
        GpuStorage dst = backend.fromHost(new float[] {10, 20, 30, 40});
        dst.deviceOffset();
        backend.kernels().copyBlocks(2, 2, src, 1, 3, dst, 0, 2, true);
        new Tolerance(1e-30, 0).assertClose("mixed copyBlocks", new float[] {12, 23, 35, 46}, dst.host());

        // Within one storage (overlapping here): the host default's sequential semantics, not a device race.
        GpuStorage same = backend.fromHost(new float[] {1, 2, 3, 4, 5});
        same.deviceOffset();
        backend.kernels().copyBlocks(1, 4, same, 0, 0, same, 1, 0, true);
        float[] expected = {1, 2, 3, 4, 5};
        HostOps.copyBlocks(1, 4, expected, 0, 0, expected, 1, 0, true);
        new Tolerance(1e-30, 0).assertClose("copyBlocks within one storage", expected, same.host());

        GpuStorage scale = backend.fromHost(new float[] {0.5f});
        Storage y = cpu.fromHost(new float[] {1, 1, 1});
        backend.kernels().scaledAccumulate(scale, backend.fromHost(new float[] {2, 4, 6}), y);
        new Tolerance(1e-30, 0).assertClose("mixed scaledAccumulate", new float[] {2, 3, 4}, y.host());
    }

    @Test
    void scratchIsDeviceZeros() {
        GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 16);
        GpuStorage s = backend.allocateScratch(9);
        assertTrue(s.hostIsStale(), "scratch lives on the device");
        new Tolerance(1e-30, 0).assertClose("scratch", new float[9], s.host());
    }

    @Test
    void allFiniteIsOneReductionAndOneFloatDownOnResidentData() {
        GpuBackend backend = GpuBackends.create(GpuBackends.TORNADO_JAVA, 1 << 16);
        Kernels kernels = backend.kernels();
        // Large finite values whose plain sum would overflow to Infinity: still all finite.
        float[] big = new float[1000];
        Arrays.fill(big, 3e38f);
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            float[] withBad = big.clone();
            withBad[517] = bad;
            GpuStorage s = backend.fromHost(withBad);
            s.deviceOffset();
            assertFalse(kernels.allFinite(s), "a " + bad + " among finite values");
        }
        GpuStorage ok = backend.fromHost(big.clone());
        ok.deviceOffset();
        TransferStats stats = backend.stats();
        long uploads = stats.uploads();
        long downloaded = stats.downloadedFloats();
        assertTrue(kernels.allFinite(ok), "3e38 everywhere is finite");
        assertEquals(uploads, stats.uploads(), "nothing uploaded");
        assertEquals(downloaded + 1, stats.downloadedFloats(), "one float downloaded");
    }
}
