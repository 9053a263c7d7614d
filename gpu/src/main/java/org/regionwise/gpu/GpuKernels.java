package org.regionwise.gpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.FusedKernels;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.BinaryKernel;
import org.regionwise.autodiff.ops.InstanceNormKernel;
import org.regionwise.autodiff.ops.PointwiseKernel;
import org.regionwise.autodiff.ops.ReduceKernel;
import org.regionwise.autodiff.ops.SoftmaxKernel;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropyKernel;
import org.regionwise.autodiff.optim.AdamKernel;
import org.regionwise.layers.functional.BatchNormKernel;
import org.regionwise.losses.LovaszKernel;
import org.regionwise.losses.RegionWiseKernel;

/**
 * autodiff's Kernels SPI on the device, for resident storages only: every method is a device launch on
 * {@link GpuStorage}s of this backend, results stay on the device and the host mirrors are only marked stale
 * ({@link DeviceOps} does the work). {@link GpuBackend#kernels()} hands it out wrapped in
 * {@link ResidentOrHost}, so a call with any storage from elsewhere (a CPU tensor mixed in, another
 * device's) runs {@link #HOST} on {@link Storage#host()} copies instead: slower, never wrong, and decided
 * in that one place rather than per method. The fused ops' kernels it accelerates (cross entropy, instance
 * norm, the RW loss, Lovasz-softmax, Adam's one-launch step, ...) are registered by kernel interface and wrapped
 * the same way.
 */
final class GpuKernels implements Kernels {
    /** The host bodies: every method on host copies, for storages that are not resident. */
    static final Kernels HOST = new ReferenceKernels();

    private final GpuBackend backend;
    private final DeviceOps ops;
    /** The fused ops' kernels this backend runs on the device, by kernel interface. */
    private final FusedKernels device;
    private final Map<Class<?>, Wrapped> wrapped = new ConcurrentHashMap<>();

    GpuKernels(GpuBackend backend, DeviceOps ops) {
        this.backend = backend;
        this.ops = ops;
        this.device = new FusedKernels()
                .register(SoftmaxCrossEntropyKernel.class, new DeviceSoftmaxCrossEntropy(ops.crossEntropy()))
                .register(InstanceNormKernel.class, new DeviceInstanceNorm(ops.instanceNorm()))
                .register(RegionWiseKernel.class, new DeviceRegionWise(ops.regionWise()))
                .register(PointwiseKernel.class, new DevicePointwise(backend))
                .register(BinaryKernel.class, new DeviceBinary(backend))
                .register(ReduceKernel.class, new DeviceReduce(backend))
                .register(SoftmaxKernel.class, new DeviceSoftmax(backend))
                .register(BatchNormKernel.class, new DeviceBatchNorm(backend))
                .register(AdamKernel.class, new DeviceAdam(ops.adam()))
                .register(LovaszKernel.class, new DeviceLovasz(backend));
    }

    @Override
    public String name() {
        return "device";
    }

    @Override
    public boolean allFinite(Storage s) {
        return ops.reductions().allFinite(dev(s));
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Storage a, int offA, int lda,
                     Storage b, int offB, int ldb, float beta, Storage c, int offC, int ldc) {
        if (m == 0 || n == 0) return;
        ops.conv().gemm(transA, transB, m, n, k, alpha, dev(a), offA, lda, dev(b), offB, ldb, beta, dev(c), offC, ldc);
    }

    @Override
    public void conv2dForward(ConvGeometry g, Storage x, Storage w, Storage bias, Storage y) {
        ops.conv().conv2dForward(g, dev(x), dev(w), dev(bias), dev(y));
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, Storage dy, Storage w, Storage dx) {
        ops.conv().conv2dBackwardData(g, dev(dy), dev(w), dev(dx));
    }

    @Override
    public void conv2dBackwardWeight(ConvGeometry g, Storage x, Storage dy, Storage dw, Storage dbias) {
        ops.conv().conv2dBackwardWeight(g, dev(x), dev(dy), dev(dw), dev(dbias));
    }

    @Override
    public void fill(Storage s, float value) {
        ops.elementwise().fill(dev(s), value);
    }

    @Override
    public void copyBlocks(int blocks, int length, Storage src, int srcOffset, int srcStride,
                           Storage dst, int dstOffset, int dstStride, boolean accumulate) {
        // Within one storage the host body's sequential order is the definition; in parallel it could race.
        if (src == dst) {
            HOST.copyBlocks(blocks, length, src, srcOffset, srcStride, dst, dstOffset, dstStride, accumulate);
            return;
        }
        ops.elementwise().copyBlocks(blocks, length, dev(src), srcOffset, srcStride, dev(dst), dstOffset, dstStride, accumulate);
    }

    @Override
    public void addChannelBias(int n, int c, int plane, Storage bias, Storage y) {
        ops.elementwise().addChannelBias(dev(y), dev(bias), n, c, plane);
    }

    @Override
    public void channelSums(int n, int c, int plane, Storage x, Storage sums) {
        ops.reductions().channelSums(dev(x), dev(sums), n, c, plane);
    }

    @Override
    public void leakyRelu(float slope, Storage x, Storage y) {
        ops.elementwise().leakyRelu(slope, dev(x), dev(y));
    }

    @Override
    public void leakyReluBackward(float slope, Storage x, Storage dy, Storage dx) {
        ops.elementwise().leakyReluBackward(slope, dev(x), dev(dy), dev(dx));
    }

    @Override
    public void scaledAccumulate(Storage scale, Storage src, Storage dst) {
        ops.elementwise().scaledAccumulate(dev(scale), dev(src), dev(dst));
    }

    @Override
    public void adam(Storage p, Storage g, Storage m, Storage v, int momentOffset, AdamStep step) {
        ops.adam().adam(dev(p), dev(g), dev(m), dev(v), momentOffset, step);
    }

    /**
     * The device implementation of a fused op's kernel interface, wrapped so that it falls back to the op's
     * host body when a storage is not resident ({@link ResidentOrHost}); {@code host} when none is registered.
     */
    @Override
    public <K> K fused(Class<K> type, K host) {
        if (!device.has(type)) return host;
        Wrapped w = wrapped.get(type);
        if (w == null || w.host() != host) {
            w = new Wrapped(host, ResidentOrHost.wrap(type, backend, device.getOrDefault(type, host), host));
            wrapped.put(type, w);
        }
        return type.cast(w.kernel());
    }

    /** A wrapped device kernel and the host body it falls back to. */
    private record Wrapped(Object host, Object kernel) {}

    private static GpuStorage dev(Storage s) {
        return (GpuStorage) s;
    }
}
