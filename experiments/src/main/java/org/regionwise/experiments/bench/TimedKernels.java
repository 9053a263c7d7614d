package org.regionwise.experiments.bench;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.Kernels;

/**
 * A {@link Kernels} that times every call of the kernels it wraps (wall clock), so the benchmark can say
 * how much of a training step the convolutions take and how much is everything else (norms, activations,
 * concatenation, the loss, Adam, the tape). The overhead is two {@code System.nanoTime()} calls per kernel
 * call, a few hundred per step.
 */
public final class TimedKernels implements Kernels, AutoCloseable {
    private final Kernels inner;
    private long gemmNanos;
    private long forwardNanos;
    private long dataNanos;
    private long weightNanos;
    private long calls;

    public TimedKernels(Kernels inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    /** Milliseconds since the last {@link #reset()}: gemm, conv forward, backward data, backward weight. */
    public synchronized double[] millis() {
        return new double[] {gemmNanos / 1e6, forwardNanos / 1e6, dataNanos / 1e6, weightNanos / 1e6};
    }

    public synchronized long calls() {
        return calls;
    }

    public synchronized void reset() {
        gemmNanos = forwardNanos = dataNanos = weightNanos = calls = 0;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int offA, int lda,
                     float[] b, int offB, int ldb, float beta, float[] c, int offC, int ldc) {
        long t0 = System.nanoTime();
        inner.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        add(0, System.nanoTime() - t0);
    }

    @Override
    public void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        long t0 = System.nanoTime();
        inner.conv2dForward(g, x, w, bias, y);
        add(1, System.nanoTime() - t0);
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        long t0 = System.nanoTime();
        inner.conv2dBackwardData(g, dy, w, dx);
        add(2, System.nanoTime() - t0);
    }

    @Override
    public void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        long t0 = System.nanoTime();
        inner.conv2dBackwardWeight(g, x, dy, dw, dbias);
        add(3, System.nanoTime() - t0);
    }

    private synchronized void add(int which, long nanos) {
        calls++;
        switch (which) {
            case 0 -> gemmNanos += nanos;
            case 1 -> forwardNanos += nanos;
            case 2 -> dataNanos += nanos;
            default -> weightNanos += nanos;
        }
    }

    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable closeable) closeable.close();
    }
}
