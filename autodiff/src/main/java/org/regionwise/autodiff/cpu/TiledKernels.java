package org.regionwise.autodiff.cpu;

import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.HostOps;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;

/**
 * The fast kernel set, written once over a {@link MicroKernel}: GEMM through packed panels, and the three
 * convolution passes through shifted sources (implicit im2col). Subclasses pick the micro-kernel and the
 * {@link Elementwise} bodies; leaky ReLU, Adam, instance norm (a plane per task) and the fused softmax cross
 * entropy are split over the same worker threads (the other tensor ops keep the defaults of {@link Kernels}).
 *
 * <p>Calls are serialised on the instance: they share one workspace (scratch, worker threads), and one
 * call already uses every thread. Training calls kernels one op at a time, so nothing waits in practice.
 */
public abstract class TiledKernels implements Kernels, AutoCloseable {
    /** Elements per task of the elementwise ops: big enough to amortise a task, small enough to balance. */
    private static final int CHUNK = 1 << 15;

    private final Workspace ws;
    private final Elementwise elementwise;

    TiledKernels(MicroKernel kernel, Elementwise elementwise, int threads) {
        this.ws = new Workspace(kernel, threads);
        this.elementwise = elementwise;
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
    public synchronized void softmaxCrossEntropy(int n, int c, int plane, Storage logits, Storage target, Storage loss,
                                                 Storage dlogits) {
        float[] z = logits.host();
        float[] y = target.host();
        float[] d = dlogits == null ? null : dlogits.host();
        // One task per sample; the per-sample sums are added in sample order, so any thread count gives the same loss.
        double[] perSample = new double[n];
        ws.pool.run(n, (b, w) -> perSample[b] = HostOps.softmaxCrossEntropySample(b, n, c, plane, z, y, d));
        double total = 0;
        for (double s : perSample) total += s;
        loss.host()[0] = (float) (total / ((double) n * plane));
        loss.hostWritten();
        if (dlogits != null) dlogits.hostWritten();
    }

    @Override
    public synchronized void instanceNormForward(int n, int c, int plane, float eps, Storage x, Storage gamma, Storage beta,
                                                 Storage y, Storage mean, Storage invStd) {
        float[] in = x.host();
        float[] out = y.host();
        float[] m = mean.host();
        float[] r = invStd.host();
        float[] g = gamma == null ? null : gamma.host();
        float[] b = beta == null ? null : beta.host();
        ws.pool.run(n * c, (row, w) -> elementwise.instanceNormPlane(in, out, row * plane, plane, eps,
                g == null ? 1f : g[row % c], b == null ? 0f : b[row % c], m, r, row));
        y.hostWritten();
        mean.hostWritten();
        invStd.hostWritten();
    }

    @Override
    public synchronized void instanceNormBackward(int n, int c, int plane, Storage x, Storage dy, Storage mean,
                                                  Storage invStd, Storage gamma, Storage dx, Storage dgamma, Storage dbeta) {
        float[] in = x.host();
        float[] g = dy.host();
        float[] m = mean.host();
        float[] r = invStd.host();
        float[] gam = gamma == null ? null : gamma.host();
        float[] gx = dx == null ? null : dx.host();
        double[] sumG = new double[n * c];
        double[] sumGx = new double[n * c];
        ws.pool.run(n * c, (row, w) -> {
            double[] sums = elementwise.instanceNormPlaneBackward(in, g, gx, row * plane, plane, m[row], r[row],
                    gam == null ? 1f : gam[row % c]);
            sumG[row] = sums[0];
            sumGx[row] = sums[1];
        });
        HostOps.addAffineGradients(n, c, sumG, sumGx, dgamma == null ? null : dgamma.host(), dbeta == null ? null : dbeta.host());
        if (dx != null) dx.hostWritten();
        if (dgamma != null) dgamma.hostWritten();
        if (dbeta != null) dbeta.hostWritten();
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
