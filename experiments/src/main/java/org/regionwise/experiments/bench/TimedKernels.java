package org.regionwise.experiments.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.regionwise.autodiff.backend.AdamStep;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ConvPass;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;

/**
 * A {@link Kernels} that times every call of the kernels it wraps (wall clock), so the benchmark can say
 * how much of a training step the convolutions take, how much the other kernels (norms, activations, the
 * fused loss, Adam, copies) and how much is everything else (the tape, allocation). Every method is
 * forwarded: a wrapper that left one out would silently send it to the slow host default. Fused ops' kernels ({@link #fused}) are wrapped
 * generically. The overhead is two {@code System.nanoTime()}
 * calls per kernel call, a few hundred per step.
 *
 * <p>Convolutions are also timed per distinct (pass, geometry), so the benchmark can show which of the
 * network's shapes is weakest ({@link #convShapes()}).
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
    /** Per (pass, geometry): {nanos, calls}, in first-call order. */
    private final Map<ShapeKey, long[]> perShape = new LinkedHashMap<>();

    private record ShapeKey(ConvPass pass, ConvGeometry geometry) {}

    /**
     * One convolution shape's totals since the last {@link #reset()}.
     *
     * @param algorithm what the wrapped kernel set says it runs for this pass and shape
     */
    public record ConvShapeTime(ConvPass pass, ConvGeometry geometry, long calls, long nanos, String algorithm) {
        /** Wall milliseconds of all calls together. */
        public double millis() {
            return nanos / 1e6;
        }

        /** GFLOP/s over all calls (each pass of a convolution counts {@link ConvGeometry#flops()}). */
        public double gflops() {
            return nanos == 0 ? 0 : geometry.flops() * calls / nanos;
        }
    }

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
        perShape.clear();
    }

    /** Each distinct convolution (pass, geometry) timed since the last {@link #reset()}, in first-call order. */
    public synchronized List<ConvShapeTime> convShapes() {
        List<ConvShapeTime> shapes = new ArrayList<>();
        perShape.forEach((key, t) -> shapes.add(new ConvShapeTime(key.pass(), key.geometry(), t[1], t[0],
                inner.convAlgorithm(key.pass(), key.geometry()))));
        return shapes;
    }

    private void timeConv(int which, ConvPass pass, ConvGeometry g, Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        long elapsed = System.nanoTime() - t0;
        synchronized (this) {
            calls++;
            nanos[which] += elapsed;
            long[] shape = perShape.computeIfAbsent(new ShapeKey(pass, g), k -> new long[2]);
            shape[0] += elapsed;
            shape[1]++;
        }
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

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, Storage a, int offA, int lda,
                     Storage b, int offB, int ldb, float beta, Storage c, int offC, int ldc) {
        time(GEMM, () -> inner.gemm(transA, transB, m, n, k, alpha, a, offA, lda, b, offB, ldb, beta, c, offC, ldc));
    }

    // ---- storage kernels ----------------------------------------------------------------------------

    @Override
    public void conv2dForward(ConvGeometry g, Storage x, Storage w, Storage bias, Storage y) {
        timeConv(CONV_FORWARD, ConvPass.FORWARD, g, () -> inner.conv2dForward(g, x, w, bias, y));
    }

    @Override
    public void conv2dBackwardData(ConvGeometry g, Storage dy, Storage w, Storage dx) {
        timeConv(CONV_DATA, ConvPass.BACKWARD_DATA, g, () -> inner.conv2dBackwardData(g, dy, w, dx));
    }

    @Override
    public void conv2dBackwardWeight(ConvGeometry g, Storage x, Storage dy, Storage dw, Storage dbias) {
        timeConv(CONV_WEIGHT, ConvPass.BACKWARD_WEIGHT, g, () -> inner.conv2dBackwardWeight(g, x, dy, dw, dbias));
    }

    @Override
    public String convAlgorithm(ConvPass pass, ConvGeometry g) {
        return inner.convAlgorithm(pass, g);
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
    public void scaledAccumulate(Storage scale, Storage src, Storage dst) {
        time(TENSOR_OPS, () -> inner.scaledAccumulate(scale, src, dst));
    }

    @Override
    public void adam(Storage p, Storage g, Storage m, Storage v, int momentOffset, AdamStep step) {
        time(TENSOR_OPS, () -> inner.adam(p, g, m, v, momentOffset, step));
    }

    /**
     * The inner kernel set's kernel for a fused op, timed as a tensor op: one generic wrapper, so this class
     * need not mirror each fused op (the host body, when the inner set has none, is timed the same way).
     */
    @Override
    public <K> K fused(Class<K> type, K host) {
        K kernel = inner.fused(type, host);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) return method.invoke(kernel, args);
            Object[] result = new Object[1];
            Throwable[] failure = new Throwable[1];
            time(TENSOR_OPS, () -> {
                try {
                    result[0] = method.invoke(kernel, args);
                } catch (InvocationTargetException e) {
                    failure[0] = e.getCause();
                } catch (IllegalAccessException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) throw failure[0];
            return result[0];
        }));
    }

    @Override
    public void close() throws Exception {
        if (inner instanceof AutoCloseable closeable) closeable.close();
    }
}
