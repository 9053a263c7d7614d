package org.regionwise.gpu.kernels;

/**
 * Every device kernel, by the static method that implements it. All share one signature,
 * {@code (float[] heap, int[] ints, float[] floats)}, so a device binds each with the same three arrays.
 * {@link #body()} calls the method directly (the plain-Java path); a TornadoVM device compiles
 * {@link #owner()}.{@link #method()} instead.
 */
public enum Kernel {
    GEMM(GemmKernel.class, "gemm", GemmKernel::gemm),
    CONV_FORWARD(ConvKernels.class, "forward", ConvKernels::forward),
    CONV_BACKWARD_DATA(ConvKernels.class, "backwardData", ConvKernels::backwardData),
    CONV_BACKWARD_WEIGHT(ConvKernels.class, "backwardWeight", ConvKernels::backwardWeight),
    CONV_FORWARD_TILED(TiledConvForward.class, "forward", TiledConvForward::forward),
    CONV_BACKWARD_DATA_TILED(TiledConvBackwardData.class, "backwardData", TiledConvBackwardData::backwardData),
    CONV_BACKWARD_WEIGHT_TILED(TiledConvBackwardWeight.class, "backwardWeight", TiledConvBackwardWeight::backwardWeight),
    CONV_BACKWARD_WEIGHT_PARTIALS(TiledConvBackwardWeight.class, "addPartials", TiledConvBackwardWeight::addPartials),
    FILL(ElementwiseKernels.class, "fill", ElementwiseKernels::fill),
    COPY(ElementwiseKernels.class, "copy", ElementwiseKernels::copy),
    ADD(ElementwiseKernels.class, "add", ElementwiseKernels::add),
    MUL(ElementwiseKernels.class, "mul", ElementwiseKernels::mul),
    AXPY(ElementwiseKernels.class, "axpy", ElementwiseKernels::axpy),
    SCALED_ACCUMULATE(ElementwiseKernels.class, "scaledAccumulate", ElementwiseKernels::scaledAccumulate),
    SCALE(ElementwiseKernels.class, "scale", ElementwiseKernels::scale),
    ADD_CHANNEL_BIAS(ElementwiseKernels.class, "addChannelBias", ElementwiseKernels::addChannelBias),
    LEAKY_RELU(ElementwiseKernels.class, "leakyRelu", ElementwiseKernels::leakyRelu),
    LEAKY_RELU_BACKWARD(ElementwiseKernels.class, "leakyReluBackward", ElementwiseKernels::leakyReluBackward),
    COPY_BLOCKS(BlockKernels.class, "copyBlocks", BlockKernels::copyBlocks),
    CHUNK_SUM(ReductionKernels.class, "chunkSum", ReductionKernels::chunkSum),
    ROW_DOT(ReductionKernels.class, "rowDot", ReductionKernels::rowDot),
    SOFTMAX_CHANNELS(SoftmaxKernels.class, "forward", SoftmaxKernels::forward),
    SOFTMAX_CHANNELS_BACKWARD(SoftmaxKernels.class, "backward", SoftmaxKernels::backward),
    SOFTMAX_CROSS_ENTROPY(LossKernels.class, "softmaxCrossEntropy", LossKernels::softmaxCrossEntropy),
    SOFT_TARGET_CROSS_ENTROPY(LossKernels.class, "softTargetCrossEntropy", LossKernels::softTargetCrossEntropy),
    REGION_WISE(RegionWiseKernels.class, "forward", RegionWiseKernels::forward),
    REGION_WISE_BACKWARD(RegionWiseKernels.class, "backward", RegionWiseKernels::backward),
    INSTANCE_NORM_STATS(InstanceNormKernels.class, "stats", InstanceNormKernels::stats),
    INSTANCE_NORM_FORWARD(InstanceNormKernels.class, "forward", InstanceNormKernels::forward),
    INSTANCE_NORM_BACKWARD_ROWS(InstanceNormKernels.class, "backwardRows", InstanceNormKernels::backwardRows),
    INSTANCE_NORM_BACKWARD_INPUT(InstanceNormKernels.class, "backwardInput", InstanceNormKernels::backwardInput),
    INSTANCE_NORM_BACKWARD_AFFINE(InstanceNormKernels.class, "backwardAffine", InstanceNormKernels::backwardAffine),
    ADAM(AdamKernel.class, "adamStep", AdamKernel::adamStep),
    ADAM_SEGMENTS(AdamKernel.class, "adamSegments", AdamKernel::adamSegments, AdamKernel.SEGMENT_INTS),
    // The generic autodiff ops that losses are made of (pointwise, broadcast binary, axis sums, axis softmax).
    POINTWISE(PointwiseKernels.class, "forward", PointwiseKernels::forward),
    POINTWISE_BACKWARD(PointwiseKernels.class, "backward", PointwiseKernels::backward),
    BROADCAST(BroadcastKernels.class, "forward", BroadcastKernels::forward),
    BROADCAST_BACKWARD(BroadcastKernels.class, "backward", BroadcastKernels::backward),
    AXIS_CHUNK_SUMS(AxisSumKernels.class, "chunkSums", AxisSumKernels::chunkSums),
    ROW_SUMS(AxisSumKernels.class, "rowSums", AxisSumKernels::rowSums),
    BROADCAST_ACCUMULATE(AxisSumKernels.class, "broadcastAccumulate", AxisSumKernels::broadcastAccumulate),
    AXIS_SOFTMAX(AxisSoftmaxKernels.class, "forward", AxisSoftmaxKernels::forward),
    AXIS_SOFTMAX_BACKWARD(AxisSoftmaxKernels.class, "backward", AxisSoftmaxKernels::backward),
    // Per-channel statistics as chunked sums (batch norm; instance norm on large planes).
    CHANNEL_SQUARED_DEVIATIONS(ChannelStatsKernels.class, "squaredDeviations", ChannelStatsKernels::squaredDeviations),
    CHANNEL_GRADIENT_SUMS(ChannelStatsKernels.class, "gradientSums", ChannelStatsKernels::gradientSums),
    CHANNEL_INV_STD(ChannelStatsKernels.class, "invStdFromPartials", ChannelStatsKernels::invStdFromPartials),
    BATCH_NORM_INV_STD(BatchNormKernels.class, "invStd", BatchNormKernels::invStd),
    BATCH_NORM_FORWARD(BatchNormKernels.class, "forward", BatchNormKernels::forward),
    BATCH_NORM_BACKWARD_INPUT(BatchNormKernels.class, "backwardInput", BatchNormKernels::backwardInput),
    BATCH_NORM_BACKWARD_AFFINE(BatchNormKernels.class, "backwardAffine", BatchNormKernels::backwardAffine),
    BATCH_NORM_UPDATE_RUNNING(BatchNormKernels.class, "updateRunning", BatchNormKernels::updateRunning),
    // Lovasz-softmax: a segmented bitonic sort of the errors, the blocked scan of the sorted labels, the gradient.
    BITONIC_SORT_STEP(BitonicSortKernels.class, "compareExchange", BitonicSortKernels::compareExchange),
    LOVASZ_ERRORS(LovaszKernels.class, "errors", LovaszKernels::errors),
    LOVASZ_CHUNK_COUNTS(LovaszKernels.class, "chunkCounts", LovaszKernels::chunkCounts),
    LOVASZ_SCAN_CHUNKS(LovaszKernels.class, "scanChunks", LovaszKernels::scanChunks),
    LOVASZ_GRADIENT(LovaszKernels.class, "gradient", LovaszKernels::gradient);

    /** The shared kernel signature. */
    @FunctionalInterface
    public interface Body {
        void run(float[] heap, int[] ints, float[] floats);
    }

    private final Class<?> owner;
    private final String method;
    private final Body body;
    private final int maxInts;

    Kernel(Class<?> owner, String method, Body body) {
        this(owner, method, body, Launch.MAX_INTS);
    }

    Kernel(Class<?> owner, String method, Body body, int maxInts) {
        this.owner = owner;
        this.method = method;
        this.body = body;
        this.maxInts = maxInts;
    }

    /** The length of this kernel's int-argument array ({@link Launch#MAX_INTS} unless it carries a table). */
    public int maxInts() {
        return maxInts;
    }

    public Class<?> owner() {
        return owner;
    }

    public String method() {
        return method;
    }

    public Body body() {
        return body;
    }
}
