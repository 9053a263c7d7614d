package org.regionwise.autodiff.backend;

import java.util.Arrays;

/**
 * The kernels a backend may replace: the primitives many ops share, all on {@link Storage}. Everything is
 * flat row-major float32; backward passes accumulate into their outputs with {@code +=} (llm.c convention),
 * so gradients from several uses of a tensor add up. Outputs that accumulate say so; every other output is
 * overwritten.
 *
 * <p>GEMM and the three convolution passes have no default: a CPU kernel set implements them on host arrays
 * ({@link HostKernels}; {@link ReferenceKernels} is the short, obviously correct one every faster one is
 * tested against), a device backend on its own storage. The other methods default to {@link HostOps} on
 * {@link Storage#host()} arrays (free on the CPU backend, whose storage is its array); a device backend
 * overrides them so tensors stay on the device between ops.
 *
 * <p>Only primitives that many ops share live here. A fused op declares its own kernel interface beside
 * the op, with its host body; a kernel set that accelerates it returns its implementation from
 * {@link #fused}.
 */
public interface Kernels {
    String name();

    /**
     * C = alpha * op(A) * op(B) + beta * C on storages, row-major, where op(A) is m x k and op(B) is k x n
     * (BLAS sgemm semantics with leading dimensions and offsets). beta == 0 overwrites C, ignoring NaN in it.
     */
    void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
              Storage a, int offA, int lda, Storage b, int offB, int ldb,
              float beta, Storage c, int offC, int ldc);


    /** y = conv(x, w) + bias; y is overwritten. bias may be null. */
    void conv2dForward(ConvGeometry g, Storage x, Storage w, Storage bias, Storage y);

    /** dx += conv2d input-gradient of dy through w (also the forward pass of a transposed convolution). */
    void conv2dBackwardData(ConvGeometry g, Storage dy, Storage w, Storage dx);

    /** dw += weight gradient; dbias += bias gradient when dbias is not null. */
    void conv2dBackwardWeight(ConvGeometry g, Storage x, Storage dy, Storage dw, Storage dbias);

    /**
     * The algorithm this kernel set runs for {@code pass} of {@code g}, in a few words, for per-shape reports
     * (the benchmark's table): a kernel set that picks by shape says which it picked. Runs nothing.
     */
    default String convAlgorithm(ConvPass pass, ConvGeometry g) {
        return name();
    }

    /** Whether every element is finite (a training loop's guard before the optimiser step). */
    default boolean allFinite(Storage s) {
        for (float v : s.host()) {
            if (!Float.isFinite(v)) return false;
        }
        return true;
    }

    /** Every element of {@code s} = value. */
    default void fill(Storage s, float value) {
        Arrays.fill(s.host(), value);
        s.hostWritten();
    }

    /**
     * dst[b * dstStride + dstOffset + i] = src[b * srcStride + srcOffset + i] for b < blocks, i < length, or
     * {@code +=} when accumulating: concatenation, its backward, and gradient accumulation in one kernel.
     */
    default void copyBlocks(int blocks, int length, Storage src, int srcOffset, int srcStride,
                            Storage dst, int dstOffset, int dstStride, boolean accumulate) {
        HostOps.copyBlocks(blocks, length, src.host(), srcOffset, srcStride, dst.host(), dstOffset, dstStride, accumulate);
        dst.hostWritten();
    }

    /** NCHW y[n, c, :] += bias[c]. */
    default void addChannelBias(int n, int c, int plane, Storage bias, Storage y) {
        HostOps.addChannelBias(n, c, plane, bias.host(), y.host());
        y.hostWritten();
    }

    /** NCHW sums[c] += sum of x[:, c, :] (a bias gradient). */
    default void channelSums(int n, int c, int plane, Storage x, Storage sums) {
        HostOps.channelSums(n, c, plane, x.host(), sums.host());
        sums.hostWritten();
    }

    /** y = x > 0 ? x : slope * x. */
    default void leakyRelu(float slope, Storage x, Storage y) {
        HostOps.leakyRelu(slope, x.host(), y.host(), 0, x.size());
        y.hostWritten();
    }

    /** dx += x > 0 ? dy : slope * dy. */
    default void leakyReluBackward(float slope, Storage x, Storage dy, Storage dx) {
        HostOps.leakyReluBackward(slope, x.host(), dy.host(), dx.host(), 0, x.size());
        dx.hostWritten();
    }

    /** dst += scale[0] * src, with the scale read from one-element storage (a device need not download it). */
    default void scaledAccumulate(Storage scale, Storage src, Storage dst) {
        float a = scale.host()[0];
        float[] s = src.host();
        float[] d = dst.host();
        for (int i = 0; i < d.length; i++) d[i] += a * s[i];
        dst.hostWritten();
    }

    /**
     * One Adam update of parameter p from its gradient g; its moments are m and v from {@code momentOffset}
     * on (the optimiser keeps one flat pair for all parameters).
     */
    default void adam(Storage p, Storage g, Storage m, Storage v, int momentOffset, AdamStep step) {
        HostOps.adam(p.host(), 0, g.host(), 0, m.host(), v.host(), momentOffset, p.size(), step);
        p.hostWritten();
        m.hostWritten();
        v.hostWritten();
    }

    // ---- fused ops: each declares its own kernel interface ----------------------------------------------

    /**
     * This kernel set's implementation of an op-owned kernel interface (the RW loss's, the fused cross
     * entropy's, instance norm's), or {@code host}, the op's own host body, when it has none. This is the one
     * place a missing fused kernel falls back; the SPI itself names no fused op. Kernel sets keep theirs in a
     * {@link FusedKernels} registry.
     */
    default <K> K fused(Class<K> type, K host) {
        return host;
    }
}
