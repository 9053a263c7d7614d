package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ConvPass;
import org.regionwise.autodiff.backend.FusedKernels;
import org.regionwise.autodiff.backend.HostKernels;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.ops.InstanceNormKernel;
import org.regionwise.autodiff.ops.SoftmaxCrossEntropyKernel;

/**
 * The fast kernel set, written once over a {@link MicroKernel}: GEMM through packed panels, and the three
 * convolution passes through shifted sources (implicit im2col). Subclasses pick the micro-kernel and the
 * {@link Elementwise} bodies; leaky ReLU and Adam are split over the same worker threads (the other tensor ops
 * keep the defaults of {@link Kernels}). Two fused ops are registered too: instance norm (a plane per task,
 * {@link ParallelInstanceNorm}) and the fused softmax cross entropy ({@link ParallelSoftmaxCrossEntropy}).
 *
 * <p>Reference twins: GEMM and the convolutions, {@link org.regionwise.autodiff.backend.ReferenceKernels}
 * (double precision; agreement within float rounding); leaky ReLU and Adam,
 * {@link org.regionwise.autodiff.backend.HostOps} (bit for bit).
 *
 * <p>Calls are serialised on the instance: they share one workspace (scratch, worker threads), and one
 * call already uses every thread. Training calls kernels one op at a time, so nothing waits in practice.
 */
public abstract class TiledKernels implements HostKernels, AutoCloseable {
    /** Elements per task of the elementwise ops: big enough to amortise a task, small enough to balance. */
    private static final int CHUNK = 1 << 15;

    private final Workspace ws;
    private final Elementwise elementwise;
    private final FusedKernels fused;

    TiledKernels(MicroKernel kernel, Elementwise elementwise, int threads) {
        this.ws = new Workspace(kernel, threads);
        this.elementwise = elementwise;
        this.fused = new FusedKernels()
                .register(SoftmaxCrossEntropyKernel.class, new ParallelSoftmaxCrossEntropy(this))
                .register(InstanceNormKernel.class, new ParallelInstanceNorm(this, elementwise));
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

    @Override
    public String convAlgorithm(ConvPass pass, ConvGeometry g) {
        return switch (pass) {
            case FORWARD -> ConvForwardPass.algorithm(ws, g);
            case BACKWARD_DATA -> ConvBackwardDataPass.algorithm(ws, g);
            case BACKWARD_WEIGHT -> ConvBackwardWeightPass.algorithm(g);
        };
    }

    // The elementwise ops below run on host arrays, which on the CPU backend are the storages themselves.

    @Override
    public synchronized void leakyRelu(float slope, Storage x, Storage y) {
        float[] in = x.host();
        float[] out = y.host();
        forChunks(x.size(), (from, to) -> elementwise.leakyRelu(slope, in, out, from, to));
        y.hostWritten();
    }

    @Override
    public synchronized void leakyReluBackward(float slope, Storage x, Storage dy, Storage dx) {
        float[] in = x.host();
        float[] g = dy.host();
        float[] gx = dx.host();
        forChunks(x.size(), (from, to) -> elementwise.leakyReluBackward(slope, in, g, gx, from, to));
        dx.hostWritten();
    }

    @Override
    public synchronized void adam(Storage p, Storage g, Storage m, Storage v, int momentOffset, AdamStep step) {
        float[] pa = p.host();
        float[] ga = g.host();
        float[] ma = m.host();
        float[] va = v.host();
        forChunks(p.size(), (from, to) -> elementwise.adam(pa, ga, ma, va, momentOffset, from, to, step));
        p.hostWritten();
        m.hostWritten();
        v.hostWritten();
    }

    @Override
    public <K> K fused(Class<K> type, K host) {
        return fused.getOrDefault(type, host);
    }

    /** Pins the convolution algorithm (tests, A/B timing): direct, Winograd where it applies, or timed per shape. */
    synchronized void convMode(ConvChoice.Mode mode) {
        ws.choice.mode(mode);
    }

    /** The worker threads; callers hold this kernel set's lock while they run tasks on it. */
    WorkerPool pool() {
        return ws.pool;
    }

    /** A range [from, to) of an elementwise op. */
    @FunctionalInterface
    private interface Range {
        void run(int from, int to);
    }

    /** Splits [0, n) into CHUNK-sized tasks over the worker threads. */
    private void forChunks(int n, Range range) {
        ws.pool.run((n + CHUNK - 1) / CHUNK, (t, w) -> range.run(t * CHUNK, Math.min(n, (t + 1) * CHUNK)));
    }

    /** Stops the worker threads (they are daemons, so a JVM exits without this). */
    @Override
    public void close() {
        ws.pool.close();
    }
}
