package org.regionwise.gpu;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AdamKernel;
import org.regionwise.gpu.kernels.BlockKernels;
import org.regionwise.gpu.kernels.ConvKernels;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.GemmKernel;
import org.regionwise.gpu.kernels.InstanceNormKernels;
import org.regionwise.gpu.kernels.LossKernels;
import org.regionwise.gpu.kernels.ReductionKernels;
import org.regionwise.gpu.kernels.RegionWiseKernels;
import org.regionwise.gpu.kernels.SoftmaxKernels;

/**
 * Tensor operations that stay on the device: operands are {@link GpuStorage}s, results are left in device
 * memory and the host mirror is only marked stale. A forward/backward/optimiser chain written with these
 * moves data only where the caller reads {@code host()} (e.g. the loss value).
 *
 * <p>Conventions follow the kernels: outputs named {@code out}/{@code y} are overwritten (they may be an
 * input too), outputs named {@code dx}/{@code dw}/{@code y += } accumulate. Sizes are in elements.
 */
public final class DeviceOps {
    /** Elements per partial sum in the first pass of {@link #sum}: enough threads for a GPU, short serial runs. */
    private static final int SUM_CHUNK = 256;

    private final GpuBackend backend;
    private final DeviceHeap heap;

    DeviceOps(GpuBackend backend) {
        this.backend = backend;
        this.heap = backend.heap();
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

    // ---- linear algebra and convolution -------------------------------------------------------------

    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, GpuStorage a, int offA, int lda,
                     GpuStorage b, int offB, int ldb, float beta, GpuStorage c, int offC, int ldc) {
        int aOff = a.deviceOffset() + offA;
        int bOff = b.deviceOffset() + offB;
        int cOff = c.deviceOffset() + offC;
        heap.launch(GemmKernel.launch(transA, transB, m, n, k, alpha, aOff, lda, bOff, ldb, beta, cOff, ldc));
        c.deviceWritten();
    }

    /** y = conv(x, w) + bias (bias may be null). */
    public void conv2dForward(ConvGeometry g, GpuStorage x, GpuStorage w, GpuStorage bias, GpuStorage y) {
        int xOff = x.deviceOffset();
        int wOff = w.deviceOffset();
        int bOff = bias == null ? -1 : bias.deviceOffset();
        heap.launch(ConvKernels.forwardLaunch(g, xOff, wOff, bOff, y.deviceOffsetForOverwrite()));
        y.deviceWritten();
    }

    /** dx += input gradient. */
    public void conv2dBackwardData(ConvGeometry g, GpuStorage dy, GpuStorage w, GpuStorage dx) {
        heap.launch(ConvKernels.backwardDataLaunch(g, dy.deviceOffset(), w.deviceOffset(), dx.deviceOffset()));
        dx.deviceWritten();
    }

    /** dw += weight gradient; dbias += bias gradient when not null. */
    public void conv2dBackwardWeight(ConvGeometry g, GpuStorage x, GpuStorage dy, GpuStorage dw, GpuStorage dbias) {
        int dyOff = dy.deviceOffset();
        heap.launch(ConvKernels.backwardWeightLaunch(g, x.deviceOffset(), dyOff, dw.deviceOffset()));
        dw.deviceWritten();
        if (dbias != null) {
            heap.launch(ConvKernels.backwardBiasLaunch(g, dyOff, dbias.deviceOffset()));
            dbias.deviceWritten();
        }
    }

    // ---- elementwise ----------------------------------------------------------------------------------

    public void fill(GpuStorage out, float value) {
        heap.launch(ElementwiseKernels.fillLaunch(out.size(), out.deviceOffsetForOverwrite(), value));
        out.deviceWritten();
    }

    /** y += alpha * x. */
    public void axpy(float alpha, GpuStorage x, GpuStorage y) {
        heap.launch(ElementwiseKernels.axpyLaunch(x.size(), alpha, x.deviceOffset(), y.deviceOffset()));
        y.deviceWritten();
    }

    /** y += scale[0] * x, the factor read on the device (scale is a one-element tensor, e.g. a loss gradient). */
    public void scaledAccumulate(GpuStorage scale, GpuStorage x, GpuStorage y) {
        requireSize("scaledAccumulate: scale", scale, 1);
        requireSize("scaledAccumulate: destination", y, x.size());
        heap.launch(ElementwiseKernels.scaledAccumulateLaunch(x.size(), scale.deviceOffset(), x.deviceOffset(), y.deviceOffset()));
        y.deviceWritten();
    }

    /**
     * dst[b * dstStride + dstOffset + i] (+)= src[b * srcStride + srcOffset + i] for b < blocks, i < length:
     * concatenation, its backward, and whole-tensor gradient accumulation. Bounds are checked here, because
     * on the device an out-of-range block would silently overwrite a neighbouring tensor.
     */
    public void copyBlocks(int blocks, int length, GpuStorage src, int srcOffset, int srcStride,
                           GpuStorage dst, int dstOffset, int dstStride, boolean accumulate) {
        if (blocks <= 0 || length <= 0) return;
        requireBlocks("source", blocks, length, srcOffset, srcStride, src);
        requireBlocks("destination", blocks, length, dstOffset, dstStride, dst);
        if (src == dst && overlap(blocks, length, srcOffset, srcStride, dstOffset, dstStride)) {
            // On the host this would be a defined sequential copy; on the device it is a race.
            throw new IllegalArgumentException("copyBlocks: source and destination ranges overlap in one storage");
        }
        int srcOff = src.deviceOffset() + srcOffset;
        // Not deviceOffsetForOverwrite: blocks may leave gaps in dst whose values must survive.
        int dstOff = dst.deviceOffset() + dstOffset;
        heap.launch(BlockKernels.copyBlocksLaunch(blocks, length, srcOff, srcStride, dstOff, dstStride, accumulate));
        dst.deviceWritten();
    }

    public void scale(float alpha, GpuStorage x, GpuStorage out) {
        int xOff = x.deviceOffset();
        heap.launch(ElementwiseKernels.scaleLaunch(x.size(), alpha, xOff, out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    /** NCHW x += bias[c]. */
    public void addChannelBias(GpuStorage x, GpuStorage bias, int n, int c, int plane) {
        heap.launch(ElementwiseKernels.addChannelBiasLaunch(n, c, plane, x.deviceOffset(), bias.deviceOffset()));
        x.deviceWritten();
    }

    /** NCHW sums[c] += sum over images and the plane of x[:, c, :] (a bias gradient). */
    public void channelSums(GpuStorage x, GpuStorage sums, int n, int c, int plane) {
        requireSize("channelSums: input", x, n * c * plane);
        requireSize("channelSums: sums", sums, c);
        heap.launch(ReductionKernels.channelSumsLaunch(n, c, plane, x.deviceOffset(), sums.deviceOffset()));
        sums.deviceWritten();
    }

    public void leakyRelu(float slope, GpuStorage x, GpuStorage out) {
        int xOff = x.deviceOffset();
        heap.launch(ElementwiseKernels.leakyReluLaunch(x.size(), slope, xOff, out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    /** dx += dy * leakyRelu'(x). */
    public void leakyReluBackward(float slope, GpuStorage x, GpuStorage dy, GpuStorage dx) {
        heap.launch(ElementwiseKernels.leakyReluBackwardLaunch(x.size(), slope, x.deviceOffset(), dy.deviceOffset(), dx.deviceOffset()));
        dx.deviceWritten();
    }

    // ---- reductions -----------------------------------------------------------------------------------

    /** Sum of all elements, as a one-element device tensor (two passes of chunk sums, no atomics). */
    public GpuStorage sum(GpuStorage x) {
        int count = x.size();
        int chunks = ReductionKernels.chunkCount(count, SUM_CHUNK);
        GpuStorage partials = backend.allocateUninitialised(Math.max(chunks, 1));
        GpuStorage total = backend.allocateUninitialised(1);
        if (count == 0) {
            fill(total, 0f);
            return total;
        }
        heap.launch(ReductionKernels.chunkSumLaunch(count, SUM_CHUNK, x.deviceOffset(), partials.deviceOffsetForOverwrite()));
        heap.launch(ReductionKernels.chunkSumLaunch(chunks, chunks, partials.deviceOffset(), total.deviceOffsetForOverwrite()));
        total.deviceWritten();
        return total;
    }

    /**
     * Whether every element of x is finite, with one float downloaded: x * 0 is 0 for a finite element and
     * NaN for an infinite or NaN one, so the sum of x * 0 is NaN exactly when some element is not finite
     * (summing x itself could overflow on large finite values).
     */
    public boolean allFinite(GpuStorage x) {
        GpuStorage zeros = backend.allocateUninitialised(x.size());
        scale(0f, x, zeros);
        return Float.isFinite(sum(zeros).host()[0]);
    }

    // ---- softmax and losses ---------------------------------------------------------------------------

    /** y = softmax over the channel axis of NCHW x. */
    public void softmaxChannels(GpuStorage x, GpuStorage y, int n, int c, int plane) {
        int xOff = x.deviceOffset();
        heap.launch(SoftmaxKernels.forwardLaunch(n, c, plane, xOff, y.deviceOffsetForOverwrite()));
        y.deviceWritten();
    }

    /**
     * Mean cross-entropy of softmax probabilities against labels (class indices as floats, negative:
     * ignored, counted in the mean as zero as in a plain mean over pixels), as a one-element device tensor;
     * dlogits (overwritten, may be null) receives its gradient with respect to the logits.
     */
    public GpuStorage softmaxCrossEntropy(GpuStorage probs, GpuStorage labels, int n, int c, int plane, GpuStorage dlogits) {
        int pixels = n * plane;
        float scale = 1f / pixels;
        GpuStorage perPixel = backend.allocateUninitialised(pixels);
        int pOff = probs.deviceOffset();
        int lOff = labels.deviceOffset();
        int dOff = dlogits == null ? -1 : dlogits.deviceOffsetForOverwrite();
        heap.launch(LossKernels.softmaxCrossEntropyLaunch(n, c, plane, pOff, lOff, perPixel.deviceOffsetForOverwrite(), dOff, scale));
        perPixel.deviceWritten();
        if (dlogits != null) dlogits.deviceWritten();
        GpuStorage total = sum(perPixel);
        scale(scale, total, total);
        return total;
    }

    /**
     * loss[0] = mean over the n * plane pixels of the cross entropy of channel-softmax logits against soft
     * target probabilities (autodiff's fused op; HostSoftmaxCrossEntropy); dlogits (overwritten, may be
     * null) = its gradient. Per-pixel terms, then two chunk-sum passes straight into loss: nothing is read back.
     */
    public void softTargetCrossEntropy(GpuStorage logits, GpuStorage target, int n, int c, int plane, GpuStorage loss,
                                       GpuStorage dlogits) {
        int pixels = n * plane;
        requireSize("softmaxCrossEntropy: logits", logits, n * c * plane);
        requireSize("softmaxCrossEntropy: target", target, n * c * plane);
        requireSize("softmaxCrossEntropy: loss", loss, 1);
        if (dlogits != null) requireSize("softmaxCrossEntropy: dlogits", dlogits, n * c * plane);
        int lossOff = loss.deviceOffsetForOverwrite();
        if (pixels == 0 || c == 0) {
            heap.launch(ElementwiseKernels.fillLaunch(1, lossOff, 0f));
            loss.deviceWritten();
            if (dlogits != null) fill(dlogits, 0f);
            return;
        }
        int chunks = ReductionKernels.chunkCount(pixels, SUM_CHUNK);
        // Temporaries straight from the heap and freed at once: a training step calls this every time.
        int perPixel = heap.allocate(pixels);
        int partials = heap.allocate(chunks);
        try {
            int dOff = dlogits == null ? -1 : dlogits.deviceOffsetForOverwrite();
            heap.launch(LossKernels.softTargetCrossEntropyLaunch(n, c, plane, logits.deviceOffset(), target.deviceOffset(),
                    perPixel, dOff, 1f / pixels));
            if (dlogits != null) dlogits.deviceWritten();
            heap.launch(ReductionKernels.chunkSumLaunch(pixels, SUM_CHUNK, perPixel, partials));
            heap.launch(ReductionKernels.chunkSumLaunch(chunks, chunks, partials, lossOff));
            loss.deviceWritten();
        } finally {
            heap.free(partials);
            heap.free(perPixel);
        }
    }

    /**
     * loss[0] = the Region-wise loss, mean over (n, c, plane) of softmax(logits) * map, or of its square when
     * {@code squared} (losses.HostRegionWise); probs (overwritten) = the softmax, saved for backward. Per-pixel
     * shares, then two chunk-sum passes straight into loss: nothing is read back.
     */
    public void regionWise(GpuStorage logits, GpuStorage map, int n, int c, int plane, boolean squared, GpuStorage loss,
                           GpuStorage probs) {
        int count = n * c * plane;
        int pixels = n * plane;
        requireSize("regionWise: logits", logits, count);
        requireSize("regionWise: map", map, count);
        requireSize("regionWise: probs", probs, count);
        requireSize("regionWise: loss", loss, 1);
        int lossOff = loss.deviceOffsetForOverwrite();
        if (count == 0) {
            heap.launch(ElementwiseKernels.fillLaunch(1, lossOff, 0f));
            loss.deviceWritten();
            return;
        }
        int chunks = ReductionKernels.chunkCount(pixels, SUM_CHUNK);
        int perPixel = heap.allocate(pixels);
        int partials = heap.allocate(chunks);
        try {
            heap.launch(RegionWiseKernels.forwardLaunch(n, c, plane, squared, logits.deviceOffset(), map.deviceOffset(),
                    probs.deviceOffsetForOverwrite(), perPixel, (float) (1.0 / ((double) n * c * plane))));
            probs.deviceWritten();
            heap.launch(ReductionKernels.chunkSumLaunch(pixels, SUM_CHUNK, perPixel, partials));
            heap.launch(ReductionKernels.chunkSumLaunch(chunks, chunks, partials, lossOff));
            loss.deviceWritten();
        } finally {
            heap.free(partials);
            heap.free(perPixel);
        }
    }

    /** dlogits += gradOut[0] times the Region-wise gradient from the saved probabilities (losses.HostRegionWise). */
    public void regionWiseBackward(GpuStorage probs, GpuStorage map, GpuStorage gradOut, int n, int c, int plane, boolean squared,
                                   GpuStorage dlogits) {
        int count = n * c * plane;
        requireSize("regionWiseBackward: probs", probs, count);
        requireSize("regionWiseBackward: map", map, count);
        requireSize("regionWiseBackward: gradOut", gradOut, 1);
        requireSize("regionWiseBackward: dlogits", dlogits, count);
        if (count == 0) return;
        heap.launch(RegionWiseKernels.backwardLaunch(n, c, plane, squared, probs.deviceOffset(), map.deviceOffset(),
                gradOut.deviceOffset(), dlogits.deviceOffset(), (float) (1.0 / ((double) n * c * plane))));
        dlogits.deviceWritten();
    }

    // ---- instance normalisation -----------------------------------------------------------------------

    /** What instance-norm backward needs from forward: per-(image, channel) mean and 1/std. */
    public record NormStats(GpuStorage mean, GpuStorage rstd) {}

    /** y = instance-normalised x, times gamma[c] plus beta[c] (both null: no affine). */
    public NormStats instanceNorm(GpuStorage x, GpuStorage gamma, GpuStorage beta, GpuStorage y, int n, int c, int plane, float eps) {
        NormStats stats = new NormStats(backend.allocateUninitialised(n * c), backend.allocateUninitialised(n * c));
        instanceNorm(x, gamma, beta, y, stats, n, c, plane, eps);
        return stats;
    }

    /** As above, writing the statistics into {@code stats} (autodiff allocates them with the op's output). */
    public void instanceNorm(GpuStorage x, GpuStorage gamma, GpuStorage beta, GpuStorage y, NormStats stats, int n, int c,
                             int plane, float eps) {
        if ((gamma == null) != (beta == null)) {
            throw new IllegalArgumentException("instanceNorm: gamma and beta must both be given or both be null");
        }
        int rows = n * c;
        GpuStorage mean = stats.mean();
        GpuStorage rstd = stats.rstd();
        requireSize("instanceNorm: mean", mean, rows);
        requireSize("instanceNorm: invStd", rstd, rows);
        int xOff = x.deviceOffset();
        heap.launch(InstanceNormKernels.statsLaunch(rows, plane, eps, xOff, mean.deviceOffsetForOverwrite(), rstd.deviceOffsetForOverwrite()));
        mean.deviceWritten();
        rstd.deviceWritten();
        int gOff = gamma == null ? -1 : gamma.deviceOffset();
        int bOff = beta == null ? -1 : beta.deviceOffset();
        heap.launch(InstanceNormKernels.forwardLaunch(n, c, plane, xOff, mean.deviceOffset(), rstd.deviceOffset(), gOff, bOff,
                y.deviceOffsetForOverwrite()));
        y.deviceWritten();
    }

    /**
     * dx += input gradient; dgamma, dbeta += affine gradients. Any of the three may be null (not wanted: a
     * frozen input or weight); gamma is null when there are no affine weights.
     */
    public void instanceNormBackward(GpuStorage x, GpuStorage dy, NormStats stats, GpuStorage gamma, GpuStorage dx,
                                     GpuStorage dgamma, GpuStorage dbeta, int n, int c, int plane) {
        if (dx == null && dgamma == null && dbeta == null) return;
        int rows = n * c;
        // Per-plane sums, freed as soon as the launches that read them are done.
        int sumDy = heap.allocate(rows);
        int sumDyXhat = heap.allocate(rows);
        try {
            int xOff = x.deviceOffset();
            int dyOff = dy.deviceOffset();
            int mOff = stats.mean().deviceOffset();
            int rOff = stats.rstd().deviceOffset();
            heap.launch(InstanceNormKernels.backwardRowsLaunch(rows, plane, xOff, dyOff, mOff, rOff, sumDy, sumDyXhat));
            if (dx != null) {
                int gOff = gamma == null ? -1 : gamma.deviceOffset();
                heap.launch(InstanceNormKernels.backwardInputLaunch(n, c, plane, xOff, dyOff, mOff, rOff, gOff,
                        sumDy, sumDyXhat, dx.deviceOffset()));
                dx.deviceWritten();
            }
            if (dgamma != null || dbeta != null) {
                heap.launch(InstanceNormKernels.backwardAffineLaunch(n, c, sumDy, sumDyXhat,
                        dgamma == null ? -1 : dgamma.deviceOffset(), dbeta == null ? -1 : dbeta.deviceOffset()));
                if (dgamma != null) dgamma.deviceWritten();
                if (dbeta != null) dbeta.deviceWritten();
            }
        } finally {
            heap.free(sumDyXhat);
            heap.free(sumDy);
        }
    }

    // ---- optimiser ------------------------------------------------------------------------------------

    /** One Adam step t (from 1) over flat buffers param, grad, m, v, as autodiff's optim.Adam. */
    public void adam(GpuStorage param, GpuStorage grad, GpuStorage m, GpuStorage v, int t, double lr, double beta1,
                     double beta2, double eps, double weightDecay) {
        heap.launch(AdamKernel.launch(param.size(), param.deviceOffset(), grad.deviceOffset(), m.deviceOffset(), v.deviceOffset(),
                t, lr, beta1, beta2, eps, weightDecay));
        param.deviceWritten();
        m.deviceWritten();
        v.deviceWritten();
    }

    /**
     * One Adam update of parameter p with autodiff's per-step scalars; its moments are m and v from
     * {@code momentOffset} on (the optimiser's flat moment buffers, shared by all parameters).
     */
    public void adam(GpuStorage p, GpuStorage g, GpuStorage m, GpuStorage v, int momentOffset, AdamStep step) {
        int count = p.size();
        requireSize("adam: gradient", g, count);
        if (momentOffset < 0 || momentOffset + count > m.size() || momentOffset + count > v.size()) {
            throw new IllegalArgumentException("adam: moments [" + momentOffset + ", " + (momentOffset + count)
                    + ") outside buffers of " + m.size() + " and " + v.size() + " elements");
        }
        heap.launch(AdamKernel.launch(count, p.deviceOffset(), g.deviceOffset(), m.deviceOffset() + momentOffset,
                v.deviceOffset() + momentOffset, step));
        p.deviceWritten();
        m.deviceWritten();
        v.deviceWritten();
    }

    // ---- argument checks: a wrong offset on the device corrupts a neighbour instead of throwing -------

    private static void requireSize(String what, GpuStorage s, int expected) {
        if (s.size() != expected) {
            throw new IllegalArgumentException(what + " has " + s.size() + " elements, expected " + expected);
        }
    }

    /** Whether the two block ranges' overall spans intersect (conservative: gaps between blocks are not credited). */
    private static boolean overlap(int blocks, int length, int srcOffset, int srcStride, int dstOffset, int dstStride) {
        long srcEnd = (long) (blocks - 1) * srcStride + srcOffset + length;
        long dstEnd = (long) (blocks - 1) * dstStride + dstOffset + length;
        return srcOffset < dstEnd && dstOffset < srcEnd;
    }

    private static void requireBlocks(String what, int blocks, int length, int offset, int stride, GpuStorage s) {
        long first = offset;
        long end = (long) (blocks - 1) * stride + offset + length;
        if (first < 0 || stride < 0 || end > s.size()) {
            throw new IllegalArgumentException("copyBlocks: " + what + " blocks (" + blocks + " x " + length + " at offset "
                    + offset + ", stride " + stride + ") do not fit its " + s.size() + " elements");
        }
    }
}
