package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.Kernels;

/**
 * The fast kernel set, written once over a {@link MicroKernel}: GEMM through packed panels, and the three
 * convolution passes through shifted sources (implicit im2col). Subclasses pick the micro-kernel.
 *
 * <p>Calls are serialised on the instance: they share one workspace (scratch, worker threads), and one
 * call already uses every thread. Training calls kernels one op at a time, so nothing waits in practice.
 */
public abstract class TiledKernels implements Kernels, AutoCloseable {
    private final Workspace ws;

    TiledKernels(MicroKernel kernel, int threads) {
        this.ws = new Workspace(kernel, threads);
    }

    @Override
    public String name() {
        return ws.kernel.name() + "x" + ws.threads();
    }

    public int threads() {
        return ws.threads();
    }

    /** Scratch bytes held for reuse: grows to the largest shapes seen, then stays. */
    public synchronized long scratchBytes() {
        return ws.scratchBytes();
    }

    @Override
    public synchronized void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                                  float[] a, int offA, int lda, float[] b, int offB, int ldb,
                                  float beta, float[] c, int offC, int ldc) {
        GemmPass.run(ws, transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
    }

    @Override
    public synchronized void conv2dForward(ConvGeometry g, float[] x, float[] w, float[] bias, float[] y) {
        ConvForwardPass.run(ws, g, x, w, bias, y);
    }

    @Override
    public synchronized void conv2dBackwardData(ConvGeometry g, float[] dy, float[] w, float[] dx) {
        ConvBackwardDataPass.run(ws, g, dy, w, dx);
    }

    @Override
    public synchronized void conv2dBackwardWeight(ConvGeometry g, float[] x, float[] dy, float[] dw, float[] dbias) {
        ConvBackwardWeightPass.run(ws, g, x, dy, dw, dbias);
    }

    /** Stops the worker threads (they are daemons, so a JVM exits without this). */
    @Override
    public void close() {
        ws.pool.close();
    }
}
