package org.regionwise.experiments.bench;

import java.util.Arrays;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;

/**
 * A {@link Kernels} that times every call of the kernels it wraps (wall clock), so the benchmark can say
 * how much of a training step the convolutions take, how much the other kernels (norms, activations, the
 * fused loss, Adam, copies) and how much is everything else (the tape, allocation). Every method is
 * forwarded, the storage-level ones included: a wrapper that forwarded only the array methods would
 * silently send the tensor ops to the slow host defaults. The overhead is two {@code System.nanoTime()}
 * calls per kernel call, a few hundred per step.
 */
public final class TimedKernels implements Kernels, AutoCloseable {
    private static final int GEMM = 0;
    private static final int CONV_FORWARD = 1;
    private static final int CONV_DATA = 2;
    private static final int CONV_WEIGHT = 3;
    private static final int TENSOR_OPS = 4;

    private final Kernels inner;
    private final long[] nanos = new long[5];
    private long calls;

    public TimedKernels(Kernels inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    /**
     * Milliseconds since the last {@link #reset()}: gemm, conv forward, backward data, backward weight, and
     * the other tensor ops together.
     */
    public synchronized double[] millis() {
        double[] ms = new double[nanos.length];
        for (int i = 0; i < ms.length; i++) ms[i] = nanos[i] / 1e6;
        return ms;
    }

    public synchronized long calls() {
        return calls;
    }

    public synchronized void reset() {
        Arrays.fill(nanos, 0);
        calls = 0;
    }

    private void time(int which, Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        long elapsed = System.nanoTime() - t0;
        synchronized (this) {
            calls++;
            nanos[which] += elapsed;
        }
    }

    // ---- array kernels ------------------------------------------------------------------------------

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int offA, int lda,
                     float[] b, int offB, int ldb, float beta, float[] c, int offC, int ldc) {
        time(GEMM, () -> inner.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc));
    }

    @Override
    public void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        time(CONV_FORWARD, () -> inner.conv2dForward(g, x, w, bias, y));
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        time(CONV_DATA, () -> inner.conv2dBackwardData(g, dy, w, dx));
    }

    @Override
    public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        time(CONV_WEIGHT, () -> inner.conv2dBackwardWeight(g, x, dy, dw, dbias));
    }

    // ---- storage kernels ----------------------------------------------------------------------------

    @Override
    public void conv2dForward(ConvGeometry g, Storage x, Storage w, Storage bias, Storage y) {
        time(CONV_FORWARD, () -> inner.conv2dForward(g, x, w, bias, y));
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, Storage dy, Storage w, Storage dx) {
        time(CONV_DATA, () -> inner.conv2dBackwardData(g, dy, w, dx));
    }

    @Override
    public void conv2dBackwardWeight(ConvGeometry g, Storage x, Storage dy, Storage dw, Storage dbias) {
        time(CONV_WEIGHT, () -> inner.conv2dBackwardWeight(g, x, dy, dw, dbias));
    }

    @Override
    public boolean allFinite(Storage s) {
        boolean[] finite = new boolean[1];
        time(TENSOR_OPS, () -> finite[0] = inner.allFinite(s));
        return finite[0];
    }

    @Override
    public void fill(Storage s, float value) {
        time(TENSOR_OPS, () -> inner.fill(s, value));
    }

    @Override
    public void copyBlocks(int blocks, int length, Storage src, int srcOffset, int srcStride, Storage dst, int dstOffset,
                           int dstStride, boolean accumulate) {
        time(TENSOR_OPS, () -> inner.copyBlocks(blocks, length, src, srcOffset, srcStride, dst, dstOffset, dstStride, accumulate));
    }

    @Override
    public void addChannelBias(int n, int c, int plane, Storage bias, Storage y) {
        time(TENSOR_OPS, () -> inner.addChannelBias(n, c, plane, bias, y));
    }

    @Override
    public void channelSums(int n, int c, int plane, Storage x, Storage sums) {
        time(TENSOR_OPS, () -> inner.channelSums(n, c, plane, x, sums));
    }

    @Override
    public void leakyRelu(float slope, Storage x, Storage y) {
        time(TENSOR_OPS, () -> inner.leakyRelu(slope, x, y));
    }

    @Override
    public void leakyReluBackward(float slope, Storage x, Storage dy, Storage dx) {
        time(TENSOR_OPS, () -> inner.leakyReluBackward(slope, x, dy, dx));
    }

    @Override
    public void softmaxCrossEntropy(int n, int c, int plane, Storage logits, Storage target, Storage loss, Storage dlogits) {
        time(TENSOR_OPS, () -> inner.softmaxCrossEntropy(n, c, plane, logits, target, loss, dlogits));
    }

    @Override
    public void regionWise(int n, int c, int plane, boolean squared, Storage logits, Storage map, Storage loss, Storage probs) {
        time(TENSOR_OPS, () -> inner.regionWise(n, c, plane, squared, logits, map, loss, probs));
    }

    @Override
    public void regionWiseBackward(int n, int c, int plane, boolean squared, Storage probs, Storage map, Storage gradOut,
                                   Storage dlogits) {
        time(TENSOR_OPS, () -> inner.regionWiseBackward(n, c, plane, squared, probs, map, gradOut, dlogits));
    }

    @Override
    public void scaledAccumulate(Storage scale, Storage src, Storage dst) {
        time(TENSOR_OPS, () -> inner.scaledAccumulate(scale, src, dst));
    }

    @Override
    public void instanceNormForward(int n, int c, int plane, float eps, Storage x, Storage gamma, Storage beta, Storage y,
                                    Storage mean, Storage invStd) {
        time(TENSOR_OPS, () -> inner.instanceNormForward(n, c, plane, eps, x, gamma, beta, y, mean, invStd));
    }

    @Override
    public void instanceNormBackward(int n, int c, int plane, Storage x, Storage dy, Storage mean, Storage invStd,
                                     Storage gamma, Storage dx, Storage dgamma, Storage dbeta) {
        time(TENSOR_OPS, () -> inner.instanceNormBackward(n, c, plane, x, dy, mean, invStd, gamma, dx, dgamma, dbeta));
    }

    @Override
    public void adam(Storage p, Storage g, Storage m, Storage v, int momentOffset, AdamStep step) {
        time(TENSOR_OPS, () -> inner.adam(p, g, m, v, momentOffset, step));
    }

    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable closeable) closeable.close();
    }
}
