package org.regionwise.gpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.FusedKernels;
import org.regionwise.autodiff.backend.HostKernels;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.ReferenceKernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.InstanceNormKernel;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropyKernel;
import org.regionwise.losses.RegionWiseKernel;

/**
 * autodiff's Kernels SPI on the device.
 *
 * <p>The storage methods (what autodiff's hot ops call) run as device launches on resident data when every
 * storage they are given is a {@link GpuStorage} of this backend: results stay on the device and the host
 * mirrors are only marked stale ({@link DeviceOps} does the work). When any storage belongs elsewhere (a CPU
 * tensor mixed in, another device's), the call falls back to the SPI's host default (GEMM and the
 * convolutions, which have none, to {@link ReferenceKernels}), which reads and writes {@link Storage#host()}
 * copies: slower, never wrong. The fused ops' kernels it accelerates (cross entropy,
 * instance norm, ...) are registered by kernel interface and fall back the same way, in one place
 * ({@link ResidentOrHost}).
 */
final class GpuKernels implements Kernels {
    /** GEMM and the convolutions on host copies, when a storage is not resident. */
    private static final HostKernels HOST = new ReferenceKernels();

    private final GpuBackend backend;
    private final DeviceOps ops;
    /** The fused ops' kernels this backend runs on the device, by kernel interface. */
    private final FusedKernels device;
    private final Map<Class<?>, Wrapped> wrapped = new ConcurrentHashMap<>();

    GpuKernels(GpuBackend backend, DeviceOps ops) {
        this.backend = backend;
        this.ops = ops;
        this.device = new FusedKernels()
                .register(SoftmaxCrossEntropyKernel.class, new DeviceSoftmaxCrossEntropy(ops))
                .register(InstanceNormKernel.class, new DeviceInstanceNorm(ops))
                .register(RegionWiseKernel.class, new DeviceRegionWise(ops));
    }

    @Override
    public String name() {
        return "device";
    }

    // ---- storage level: resident when every storage is ours ----------------------------------------------

    @Override
    public boolean allFinite(Storage s) {
        if (!ours(s)) return Kernels.super.allFinite(s);
        return ops.allFinite(dev(s));
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Storage a, int offA, int lda,
                     Storage b, int offB, int ldb, float beta, Storage c, int offC, int ldc) {
        if (!ours(a, b, c)) {
            HOST.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
            return;
        }
        if (m == 0 || n == 0) return;
        ops.gemm(transA, transB, m, n, k, alpha, dev(a), offA, lda, dev(b), offB, ldb, beta, dev(c), offC, ldc);
    }

    @Override
    public void conv2dForward(ConvGeometry g, Storage x, Storage w, Storage bias, Storage y) {
        if (!ours(x, w, bias, y)) {
            HOST.conv2dForward(g, x, w, bias, y);
            return;
        }
        ops.conv2dForward(g, dev(x), dev(w), dev(bias), dev(y));
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, Storage dy, Storage w, Storage dx) {
        if (!ours(dy, w, dx)) {
            HOST.conv2dBackwardData(g, dy, w, dx);
            return;
        }
        ops.conv2dBackwardData(g, dev(dy), dev(w), dev(dx));
    }

    @Override
    public void conv2dBackwardWeight(ConvGeometry g, Storage x, Storage dy, Storage dw, Storage dbias) {
        if (!ours(x, dy, dw, dbias)) {
            HOST.conv2dBackwardWeight(g, x, dy, dw, dbias);
            return;
        }
        ops.conv2dBackwardWeight(g, dev(x), dev(dy), dev(dw), dev(dbias));
    }

    @Override
    public void fill(Storage s, float value) {
        if (!ours(s)) {
            Kernels.super.fill(s, value);
            return;
        }
        ops.fill(dev(s), value);
    }

    @Override
    public void copyBlocks(int blocks, int length, Storage src, int srcOffset, int srcStride,
                           Storage dst, int dstOffset, int dstStride, boolean accumulate) {
        // Within one storage the host default's sequential order is the definition; in parallel it could race.
        if (!ours(src, dst) || src == dst) {
            Kernels.super.copyBlocks(blocks, length, src, srcOffset, srcStride, dst, dstOffset, dstStride, accumulate);
            return;
        }
        ops.copyBlocks(blocks, length, dev(src), srcOffset, srcStride, dev(dst), dstOffset, dstStride, accumulate);
    }

    @Override
    public void addChannelBias(int n, int c, int plane, Storage bias, Storage y) {
        if (!ours(bias, y)) {
            Kernels.super.addChannelBias(n, c, plane, bias, y);
            return;
        }
        ops.addChannelBias(dev(y), dev(bias), n, c, plane);
    }

    @Override
    public void channelSums(int n, int c, int plane, Storage x, Storage sums) {
        if (!ours(x, sums)) {
            Kernels.super.channelSums(n, c, plane, x, sums);
            return;
        }
        ops.channelSums(dev(x), dev(sums), n, c, plane);
    }

    @Override
    public void leakyRelu(float slope, Storage x, Storage y) {
        if (!ours(x, y)) {
            Kernels.super.leakyRelu(slope, x, y);
            return;
        }
        ops.leakyRelu(slope, dev(x), dev(y));
    }

    @Override
    public void leakyReluBackward(float slope, Storage x, Storage dy, Storage dx) {
        if (!ours(x, dy, dx)) {
            Kernels.super.leakyReluBackward(slope, x, dy, dx);
            return;
        }
        ops.leakyReluBackward(slope, dev(x), dev(dy), dev(dx));
    }

    @Override
    public void scaledAccumulate(Storage scale, Storage src, Storage dst) {
        if (!ours(scale, src, dst)) {
            Kernels.super.scaledAccumulate(scale, src, dst);
            return;
        }
        ops.scaledAccumulate(dev(scale), dev(src), dev(dst));
    }

    @Override
    public void adam(Storage p, Storage g, Storage m, Storage v, int momentOffset, AdamStep step) {
        if (!ours(p, g, m, v)) {
            Kernels.super.adam(p, g, m, v, momentOffset, step);
            return;
        }
        ops.adam(dev(p), dev(g), dev(m), dev(v), momentOffset, step);
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

    /** Whether every given storage (nulls are absent arguments) lives on this backend's heap. */
    private boolean ours(Storage... storages) {
        return backend.owns((Object[]) storages);
    }

    private static GpuStorage dev(Storage s) {
        return (GpuStorage) s;
    }
}
