package org.regionwise.autodiff.cpu.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.HostKernels;
import org.regionwise.autodiff.cpu.FastKernels;
import org.regionwise.autodiff.cpu.FmaPeak;
import org.regionwise.autodiff.cpu.ScalarKernels;
import org.regionwise.autodiff.cpu.VectorKernels;

/**
 * Kernel throughput on this machine: the Vector API FMA peak, GEMM at 512^3 and at a conv-like shape,
 * and conv2d 64->64 3x3 on a batch of 8 128x128 images, forward and backward, in GFLOP/s and as a share
 * of the peak; plus bytes allocated per conv call in steady state (all threads).
 *
 * <p>A plain main rather than JMH: JMH is not in the offline Maven repository this project builds from,
 * and its annotation processor would run in every test-compile. What JMH would give is done by hand:
 * warm-up until C2 has compiled the kernels, then the median of timed repetitions; the load average is
 * printed beside every figure because the 2 cores are shared.
 *
 * <p>Run (after {@code mvn -o -q -pl autodiff test-compile}):
 * {@code java --add-modules jdk.incubator.vector -cp autodiff/target/classes:autodiff/target/test-classes
 * org.regionwise.autodiff.cpu.bench.KernelBench [threads] [reps] [only]}
 */
public final class KernelBench {
    private static final Random RANDOM = new Random(1);
    /** FMA peak of one core per second of its CPU time; set in main. */
    private static double corePeak;
    /** CPU seconds (all threads) of the median call, set by {@link #median}. */
    private static double lastCpuSeconds;

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : FastKernels.threads();
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String only = args.length > 2 ? args[2] : "";
        System.out.printf(Locale.ROOT, "threads %d, reps %d, %s, load %s%n", threads, reps,
                Runtime.version(), load());
        double peak = fmaPeak(threads);
        System.out.printf(Locale.ROOT, "fma peak          %8.1f GFLOP/s   load %s%n", peak, load());
        corePeak = fmaPeakPerCpuSecond();
        System.out.printf(Locale.ROOT, "fma peak per core-second of CPU time %8.1f GFLOP/s   load %s%n", corePeak, load());
        List<HostKernels> sets = new ArrayList<>();
        sets.add(new VectorKernels(threads));
        if (only.contains("scalar")) sets.add(new ScalarKernels(threads));
        for (HostKernels k : sets) {
            if (!only.contains("conv-only")) {
                gemm(k, peak, 512, 512, 512, reps);
                gemm(k, peak, 64, 8 * 128 * 128, 576, reps);
            }
            ConvGeometry g = ConvGeometry.of(8, 64, 128, 128, 64, 3, 3, 1, 1, 1);
            conv(k, peak, g, reps);
            if (only.contains("unet")) {
                conv(k, peak, ConvGeometry.of(8, 32, 128, 128, 32, 3, 3, 1, 1, 1), reps);
                conv(k, peak, ConvGeometry.of(8, 32, 128, 128, 64, 3, 3, 2, 1, 1), reps);
                conv(k, peak, ConvGeometry.of(8, 256, 16, 16, 256, 3, 3, 1, 1, 1), reps);
                conv(k, peak, ConvGeometry.of(8, 480, 8, 8, 480, 3, 3, 1, 1, 1), reps);
                conv(k, peak, ConvGeometry.of(8, 64, 128, 128, 32, 2, 2, 2, 0, 1), reps);
            }
        }
        System.exit(0);
    }

    /** Runs {@link FmaPeak#spin} on every thread at once; best of five. */
    static double fmaPeak(int threads) throws InterruptedException {
        return FmaPeak.measure(threads, 20_000_000L);
    }

    /** The FMA peak per core-second of CPU time (see {@link FmaPeak#measurePerCpuSecond}). */
    static double fmaPeakPerCpuSecond() {
        return FmaPeak.measurePerCpuSecond(20_000_000L);
    }

    static void gemm(HostKernels k, double peak, int m, int n, int depth, int reps) {
        float[] a = random(m * depth);
        float[] b = random(depth * n);
        float[] c = new float[m * n];
        Runnable call = () -> k.gemm(false, false, m, n, depth, 1f, a, 0, depth, b, 0, n, 0f, c, 0, n);
        double s = median(call, reps);
        report(k.name() + " gemm " + m + "x" + n + "x" + depth, 2.0 * m * n * depth / s * 1e-9, peak, s, call);
    }

    static void conv(HostKernels k, double peak, ConvGeometry g, int reps) {
        float[] x = random(g.inputSize());
        float[] w = random(g.weightSize());
        float[] bias = random(g.k());
        float[] y = new float[g.outputSize()];
        float[] dx = new float[g.inputSize()];
        float[] dw = new float[g.weightSize()];
        float[] db = new float[g.k()];
        String shape = String.format(Locale.ROOT, "%dx%d->%d %dx%d s%d n%d %dx%d", g.c(), g.r() * 0 + g.r(), g.k(), g.r(), g.s(),
                g.strideH(), g.n(), g.h(), g.w());
        Runnable fwd = () -> k.conv2dForward(g, x, w, bias, y);
        Runnable data = () -> k.conv2dBackwardData(g, y, w, dx);
        Runnable weight = () -> k.conv2dBackwardWeight(g, x, y, dw, db);
        double sf = median(fwd, reps);
        report(k.name() + " conv fwd  " + shape, g.flops() / sf * 1e-9, peak, sf, fwd);
        double sd = median(data, reps);
        report(k.name() + " conv bwdD " + shape, g.flops() / sd * 1e-9, peak, sd, data);
        double sw = median(weight, reps);
        report(k.name() + " conv bwdW " + shape, g.flops() / sw * 1e-9, peak, sw, weight);
        report(k.name() + " conv bwd  " + shape, 2 * g.flops() / (sd + sw) * 1e-9, peak, sd + sw, null);
    }

    private static void report(String what, double gflops, double peak, double seconds, Runnable call) {
        double flops = gflops * seconds;
        String cpu = call == null ? "" : String.format(Locale.ROOT, "  cpu-time eff %5.1f%%",
                100 * flops / lastCpuSeconds / corePeak);
        String alloc = call == null ? "" : String.format(Locale.ROOT, "  alloc/call %.3f MB", allocatedPerCall(call) / 1e6);
        System.out.printf(Locale.ROOT, "%-44s %8.1f GFLOP/s %5.1f%% of peak  %8.2f ms%s%s   load %s%n",
                what, gflops, 100 * gflops / peak, seconds * 1e3, cpu, alloc, load());
    }

    /** Warm-up (at least 3 calls and 2 s), then the median of {@code reps} timed calls, in seconds. */
    static double median(Runnable call, int reps) {
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; i < 3 || System.nanoTime() < warmEnd; i++) call.run();
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] t = new double[reps];
        double[] cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = totalCpu(bean);
            long t0 = System.nanoTime();
            call.run();
            t[i] = (System.nanoTime() - t0) * 1e-9;
            cpu[i] = (totalCpu(bean) - c0) * 1e-9;
        }
        Arrays.sort(t);
        Arrays.sort(cpu);
        lastCpuSeconds = cpu[reps / 2];
        return t[reps / 2];
    }

    /** Bytes allocated by all live threads during one call, averaged over 3 calls (already warm). */
    static double allocatedPerCall(Runnable call) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = total(bean);
        for (int i = 0; i < 3; i++) call.run();
        return (total(bean) - before) / 3.0;
    }

    /** CPU time of all live threads, nanoseconds. */
    private static long totalCpu(com.sun.management.ThreadMXBean bean) {
        long sum = 0;
        for (long id : bean.getAllThreadIds()) {
            long c = bean.getThreadCpuTime(id);
            if (c > 0) sum += c;
        }
        return sum;
    }

    private static long total(com.sun.management.ThreadMXBean bean) {
        long sum = 0;
        for (long b : bean.getThreadAllocatedBytes(bean.getAllThreadIds())) if (b > 0) sum += b;
        return sum;
    }

    private static float[] random(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = RANDOM.nextFloat() * 2 - 1;
        return a;
    }

    static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "%.2f", l);
    }
}
