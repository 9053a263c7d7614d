package org.regionwise.experiments.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.Kernels;
import org.regionwise.autodiff.backend.Storage;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.autodiff.cpu.FmaPeak;

/**
 * Convolution throughput of a kernel set and the FMA peak it is measured against, as autodiff's
 * KernelBench measures them (same loop, same shapes, warm-up then the median of timed calls).
 * Forward GFLOP/s is {@code g.flops() / t_forward}; backward is both passes together,
 * {@code 2 g.flops() / (t_data + t_weight)}.
 */
public final class ConvThroughput {
    /** The convolution: 64 -> 64 channels, 3x3, padding 1, batch 8 of 128x128. */
    public static final ConvGeometry STANDARD = ConvGeometry.of(8, 64, 128, 128, 64, 3, 3, 1, 1, 1);
    /** A small one for smoke tests. */
    public static final ConvGeometry QUICK = ConvGeometry.of(2, 16, 32, 32, 16, 3, 3, 1, 1, 1);

    private ConvThroughput() {}

    /**
     * Forward, backward-data and backward-weight medians (ms) and GFLOP/s of {@code g} on the backend's kernels.
     * The operands are the backend's storages and the passes are the storage-level kernels autodiff calls, so a
     * device backend is timed on resident data, as in training, not on host round trips.
     *
     * @param warmupNanos warm-up time per pass (at least 3 calls each)
     * @param reps        timed calls per pass
     */
    public static Map<String, Object> measure(Backend backend, ConvGeometry g, long warmupNanos, int reps) {
        Kernels kernels = backend.kernels();
        Random random = new Random(1);
        Storage x = backend.fromHost(uniform(random, g.inputSize()));
        Storage w = backend.fromHost(uniform(random, g.weightSize()));
        Storage bias = backend.fromHost(uniform(random, g.k()));
        Storage y = backend.allocate(g.outputSize());
        Storage dx = backend.allocate(g.inputSize());
        Storage dw = backend.allocate(g.weightSize());
        Storage db = backend.allocate(g.k());
        double[] f = median(() -> kernels.conv2dForward(g, x, w, bias, y), warmupNanos, reps);
        double[] d = median(() -> kernels.conv2dBackwardData(g, y, w, dx), warmupNanos, reps);
        double[] wt = median(() -> kernels.conv2dBackwardWeight(g, x, y, dw, db), warmupNanos, reps);
        double fwd = f[0];
        double data = d[0];
        double weight = wt[0];
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shape", String.format(java.util.Locale.ROOT, "%d->%d %dx%d stride %d, batch %d of %dx%d", g.c(), g.k(),
                g.r(), g.s(), g.strideH(), g.n(), g.h(), g.w()));
        m.put("kernels", kernels.name());
        m.put("fwd_ms", fwd * 1e3);
        m.put("bwd_data_ms", data * 1e3);
        m.put("bwd_weight_ms", weight * 1e3);
        m.put("fwd_gflops", g.flops() / fwd * 1e-9);
        m.put("bwd_data_gflops", g.flops() / data * 1e-9);
        m.put("bwd_weight_gflops", g.flops() / weight * 1e-9);
        m.put("bwd_gflops", 2 * g.flops() / (data + weight) * 1e-9);
        m.put("flops", g.flops());
        if (f[1] >= 0 && d[1] >= 0 && wt[1] >= 0) {
            m.put("fwd_cpu_ms", f[1] * 1e3);
            m.put("bwd_cpu_ms", (d[1] + wt[1]) * 1e3);
        }
        return m;
    }

    /**
     * The FMA peak in GFLOP/s of {@code threads} threads running the Vector API loop at once (best of 5),
     * or null when the JVM lacks {@code jdk.incubator.vector}.
     */
    public static Double fmaPeak(int threads, long iterations) throws InterruptedException {
        return FastKernels.vectorApiPresent() ? FmaPeak.measure(threads, iterations) : null;
    }

    /**
     * The FMA peak of one thread per second of its own CPU time (best of 5): the thread's CPU clock stops
     * while another job holds the core, so this is what one core gives when it is ours, whatever the load.
     * Null without the Vector API or a per-thread CPU clock.
     */
    public static Double fmaPeakPerCpuSecond(long iterations) {
        if (!FastKernels.vectorApiPresent()) return null;
        double peak = FmaPeak.measurePerCpuSecond(iterations);
        return Double.isNaN(peak) ? null : peak;
    }

    /** Vector width of the FMA loop in bits, or 0 without the Vector API. */
    public static int fmaBits() {
        return FastKernels.vectorApiPresent() ? FmaPeak.bits() : 0;
    }

    /**
     * Warm-up, then the medians of {@code reps} timed calls: wall seconds, and CPU seconds summed over every
     * live Java thread (the kernels' workers included; nanosecond thread clocks, where the process clock
     * ticks in 10 ms), -1 when the JVM cannot tell.
     */
    static double[] median(Runnable call, long warmupNanos, int reps) {
        long warmEnd = System.nanoTime() + warmupNanos;
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) call.run();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuClock = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
        double[] t = new double[reps];
        double[] cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = cpuClock ? threadCpuNanos(threads) : 0;
            long t0 = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - t0) * 1e-9;
            cpu[i] = cpuClock ? (threadCpuNanos(threads) - c0) * 1e-9 : -1;
        }
        return new double[] {median(t), median(cpu)};
    }

    private static long threadCpuNanos(ThreadMXBean threads) {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long c = threads.getThreadCpuTime(id);
            if (c > 0) sum += c;
        }
        return sum;
    }

    private static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static float[] uniform(Random random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = random.nextFloat() * 2 - 1;
        return a;
    }
}
