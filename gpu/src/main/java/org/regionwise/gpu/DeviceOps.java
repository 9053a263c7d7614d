package org.regionwise.gpu;

/**
 * Tensor operations that stay on the device, one object per job: operands are {@link GpuStorage}s, results are
 * left in device memory and the host mirror is only marked stale. A forward/backward/optimiser chain written with
 * these moves data only where the caller reads {@code host()} (e.g. the loss value).
 *
 * <p>Conventions follow the kernels: outputs named {@code out}/{@code y} are overwritten (they may be an
 * input too), outputs named {@code dx}/{@code dw}/{@code y += } accumulate. Sizes are in elements.
 */
public final class DeviceOps {
    private final GpuBackend backend;
    private final ConvOps conv;
    private final ElementwiseOps elementwise;
    private final ReductionOps reductions;
    private final CrossEntropyOps crossEntropy;
    private final RegionWiseOps regionWise;
    private final InstanceNormOps instanceNorm;
    private final AdamOps adam;

    DeviceOps(GpuBackend backend) {
        this.backend = backend;
        this.conv = new ConvOps(backend.heap());
        this.elementwise = new ElementwiseOps(backend.heap());
        this.reductions = new ReductionOps(backend, elementwise);
        this.crossEntropy = new CrossEntropyOps(backend, elementwise, reductions);
        this.regionWise = new RegionWiseOps(backend.heap());
        this.instanceNorm = new InstanceNormOps(backend);
        this.adam = new AdamOps(backend.heap());
    }

    public GpuStorage zeros(int size) {
        return backend.allocate(size);
    }

    /** A device tensor holding a copy of {@code data} (uploaded now). */
    public GpuStorage upload(float[] data) {
        GpuStorage s = backend.fromHost(data.clone());
        s.deviceOffset();
        return s;
    }

    /** GEMM and convolutions. */
    public ConvOps conv() {
        return conv;
    }

    /** Fills, scaled adds, bias, leaky ReLU, block copies. */
    public ElementwiseOps elementwise() {
        return elementwise;
    }

    /** Whole-tensor and channel sums, the finiteness check. */
    public ReductionOps reductions() {
        return reductions;
    }

    /** Channel softmax and the cross entropies. */
    public CrossEntropyOps crossEntropy() {
        return crossEntropy;
    }

    /** The fused Region-wise loss. */
    public RegionWiseOps regionWise() {
        return regionWise;
    }

    /** Instance normalisation. */
    public InstanceNormOps instanceNorm() {
        return instanceNorm;
    }

    /** The optimiser step. */
    public AdamOps adam() {
        return adam;
    }
}
