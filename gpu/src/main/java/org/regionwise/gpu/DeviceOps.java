package org.regionwise.gpu;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.device.DeviceHeap;
import org.regionwise.gpu.kernels.AdamKernel;
import org.regionwise.gpu.kernels.ConvKernels;
import org.regionwise.gpu.kernels.ElementwiseKernels;
import org.regionwise.gpu.kernels.GemmKernel;
import org.regionwise.gpu.kernels.InstanceNormKernels;
import org.regionwise.gpu.kernels.LossKernels;
import org.regionwise.gpu.kernels.ReductionKernels;
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

    public void copy(GpuStorage src, GpuStorage out) {
        heap.launch(ElementwiseKernels.copyLaunch(src.size(), src.deviceOffset(), out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    public void add(GpuStorage a, GpuStorage b, GpuStorage out) {
        int aOff = a.deviceOffset();
        int bOff = b.deviceOffset();
        heap.launch(ElementwiseKernels.addLaunch(a.size(), aOff, bOff, out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    public void mul(GpuStorage a, GpuStorage b, GpuStorage out) {
        int aOff = a.deviceOffset();
        int bOff = b.deviceOffset();
        heap.launch(ElementwiseKernels.mulLaunch(a.size(), aOff, bOff, out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    /** y += alpha * x. */
    public void axpy(float alpha, GpuStorage x, GpuStorage y) {
        heap.launch(ElementwiseKernels.axpyLaunch(x.size(), alpha, x.deviceOffset(), y.deviceOffset()));
        y.deviceWritten();
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

    /** out[row] = sum_i a[row, i] * b[row, i] over rows of length len (per-class-plane dot products). */
    public void rowDot(GpuStorage a, GpuStorage b, int rows, int len, GpuStorage out) {
        int aOff = a.deviceOffset();
        int bOff = b.deviceOffset();
        heap.launch(ReductionKernels.rowDotLaunch(rows, len, aOff, bOff, out.deviceOffsetForOverwrite()));
        out.deviceWritten();
    }

    // ---- softmax and losses ---------------------------------------------------------------------------

    /** y = softmax over the channel axis of NCHW x. */
    public void softmaxChannels(GpuStorage x, GpuStorage y, int n, int c, int plane) {
        int xOff = x.deviceOffset();
        heap.launch(SoftmaxKernels.forwardLaunch(n, c, plane, xOff, y.deviceOffsetForOverwrite()));
        y.deviceWritten();
    }

    /** dx += softmax backward from the saved output y. */
    public void softmaxChannelsBackward(GpuStorage y, GpuStorage dy, GpuStorage dx, int n, int c, int plane) {
        heap.launch(SoftmaxKernels.backwardLaunch(n, c, plane, y.deviceOffset(), dy.deviceOffset(), dx.deviceOffset()));
        dx.deviceWritten();
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

    // ---- instance normalisation -----------------------------------------------------------------------

    /** What instance-norm backward needs from forward: per-(image, channel) mean and 1/std. */
    public record NormStats(GpuStorage mean, GpuStorage rstd) {}

    /** y = instance-normalised x, times gamma[c] plus beta[c] (both null: no affine). */
    public NormStats instanceNorm(GpuStorage x, GpuStorage gamma, GpuStorage beta, GpuStorage y, int n, int c, int plane, float eps) {
        int rows = n * c;
        GpuStorage mean = backend.allocateUninitialised(rows);
        GpuStorage rstd = backend.allocateUninitialised(rows);
        int xOff = x.deviceOffset();
        heap.launch(InstanceNormKernels.statsLaunch(rows, plane, eps, xOff, mean.deviceOffsetForOverwrite(), rstd.deviceOffsetForOverwrite()));
        mean.deviceWritten();
        rstd.deviceWritten();
        int gOff = gamma == null ? -1 : gamma.deviceOffset();
        int bOff = beta == null ? -1 : beta.deviceOffset();
        heap.launch(InstanceNormKernels.forwardLaunch(n, c, plane, xOff, mean.deviceOffset(), rstd.deviceOffset(), gOff, bOff,
                y.deviceOffsetForOverwrite()));
        y.deviceWritten();
        return new NormStats(mean, rstd);
    }

    /** dx += input gradient; dgamma, dbeta += affine gradients (null when there are no affine weights). */
    public void instanceNormBackward(GpuStorage x, GpuStorage dy, NormStats stats, GpuStorage gamma, GpuStorage dx,
                                     GpuStorage dgamma, GpuStorage dbeta, int n, int c, int plane) {
        int rows = n * c;
        GpuStorage sumDy = backend.allocateUninitialised(rows);
        GpuStorage sumDyXhat = backend.allocateUninitialised(rows);
        int xOff = x.deviceOffset();
        int dyOff = dy.deviceOffset();
        int mOff = stats.mean().deviceOffset();
        int rOff = stats.rstd().deviceOffset();
        heap.launch(InstanceNormKernels.backwardRowsLaunch(rows, plane, xOff, dyOff, mOff, rOff,
                sumDy.deviceOffsetForOverwrite(), sumDyXhat.deviceOffsetForOverwrite()));
        sumDy.deviceWritten();
        sumDyXhat.deviceWritten();
        int gOff = gamma == null ? -1 : gamma.deviceOffset();
        heap.launch(InstanceNormKernels.backwardInputLaunch(n, c, plane, xOff, dyOff, mOff, rOff, gOff,
                sumDy.deviceOffset(), sumDyXhat.deviceOffset(), dx.deviceOffset()));
        dx.deviceWritten();
        if (dgamma != null && dbeta != null) {
            heap.launch(InstanceNormKernels.backwardAffineLaunch(n, c, sumDy.deviceOffset(), sumDyXhat.deviceOffset(),
                    dgamma.deviceOffset(), dbeta.deviceOffset()));
            dgamma.deviceWritten();
            dbeta.deviceWritten();
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
}
