package org.regionwise.autodiff.cpu.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.HostKernels;
import org.regionwise.autodiff.cpu.FmaPeak;
import org.regionwise.autodiff.cpu.VectorKernels;

/**
 * Every distinct convolution of the standard U-Net step (5 levels, 32..512 filters, 1x128x128 input, 4 classes),
 * each pass timed on its own: the lighter, per-shape companion of {@code ./regionwise bench}, for A/B runs of
 * kernel changes. Prints, per pass and shape, the median milliseconds of CPU time of all threads (robust to
 * other load on shared cores, and on one thread the figure that matters), the median wall time, GFLOP/s per
 * CPU-second, and a hash of the output bits after one call on fixed inputs, so two builds can be checked to
 * give bit-identical results shape by shape.
 *
 * <p>Run (after {@code mvn -o -q -pl autodiff test-compile}):
 * {@code java --add-modules jdk.incubator.vector -cp autodiff/target/classes:autodiff/target/test-classes
 * org.regionwise.autodiff.cpu.bench.UNetConvShapeBench [threads] [batch] [reps] [filter]}; the filter keeps the
 * shapes whose label contains it.
 */
public final class UNetConvShapeBench {
    private static int reps = 5;

    private UNetConvShapeBench() {}

    /** The distinct convolutions of the standard step at batch {@code n}. */
    static List<ConvGeometry> shapes(int n) {
        return List.of(
                ConvGeometry.of(n, 1, 128, 128, 32, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 32, 128, 128, 32, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 64, 128, 128, 32, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 32, 128, 128, 64, 3, 3, 2, 1, 1),
                ConvGeometry.of(n, 64, 64, 64, 64, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 128, 64, 64, 64, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 64, 64, 64, 128, 3, 3, 2, 1, 1),
                ConvGeometry.of(n, 128, 32, 32, 128, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 256, 32, 32, 128, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 128, 32, 32, 256, 3, 3, 2, 1, 1),
                ConvGeometry.of(n, 256, 16, 16, 256, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 512, 16, 16, 256, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 256, 16, 16, 512, 3, 3, 2, 1, 1),
                ConvGeometry.of(n, 512, 8, 8, 512, 3, 3, 1, 1, 1),
                ConvGeometry.of(n, 32, 128, 128, 64, 2, 2, 2, 0, 1),
                ConvGeometry.of(n, 64, 64, 64, 128, 2, 2, 2, 0, 1),
                ConvGeometry.of(n, 128, 32, 32, 256, 2, 2, 2, 0, 1),
                ConvGeometry.of(n, 256, 16, 16, 512, 2, 2, 2, 0, 1),
                ConvGeometry.of(n, 32, 128, 128, 4, 1, 1, 1, 0, 1));
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        reps = Math.max(3, args.length > 2 ? Integer.parseInt(args[2]) : 5);
        String filter = args.length > 3 ? args[3] : "";
        HostKernels k = new VectorKernels(threads);
        System.out.printf(Locale.ROOT, "kernels %s, batch %d, reps %d, load %s, FMA peak of one core %.1f GFLOP/cpu-s%n", k.name(),
                n, reps, load(), FmaPeak.measurePerCpuSecond(20_000_000L));
        double total = 0;
        for (ConvGeometry g : shapes(n)) {
            String label = String.format(Locale.ROOT, "%d->%d %dx%d s%d @%d", g.c(), g.k(), g.r(), g.s(), g.strideH(), g.h());
            if (!label.contains(filter)) continue;
            Random random = new Random(g.hashCode());
            float[] x = random(random, g.inputSize());
            float[] w = random(random, g.weightSize());
            float[] bias = random(random, g.k());
            float[] dy = random(random, g.outputSize());
            float[] y = new float[g.outputSize()];
            float[] dx = new float[g.inputSize()];
            float[] dw = new float[g.weightSize()];
            float[] db = new float[g.k()];
            total += pass("fwd ", label, g, () -> k.conv2dForward(g, x, w, bias, y), y);
            total += pass("bwdD", label, g, () -> k.conv2dBackwardData(g, dy, w, dx), dx);
            total += pass("bwdW", label, g, () -> k.conv2dBackwardWeight(g, x, dy, dw, db), dw, db);
        }
        System.out.printf(Locale.ROOT, "total %.1f ms CPU, load %s%n", total, load());
        System.exit(0);
    }

    /** Hash of the outputs after one call from zero, then warm-up and the medians; returns CPU ms. */
    private static double pass(String pass, String label, ConvGeometry g, Runnable call, float[]... outputs) {
        for (float[] o : outputs) Arrays.fill(o, 0f);
        call.run();
        int hash = 1;
        for (float[] o : outputs) {
            for (float v : o) hash = 31 * hash + Float.floatToRawIntBits(v);
        }
        long warmEnd = System.nanoTime() + 300_000_000L;
        for (int i = 0; i < 2 || System.nanoTime() < warmEnd; i++) call.run();
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] cpu = new double[reps];
        double[] wall = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = totalCpu(bean);
            long t0 = System.nanoTime();
            call.run();
            wall[i] = (System.nanoTime() - t0) * 1e-6;
            cpu[i] = (totalCpu(bean) - c0) * 1e-6;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        double c = cpu[reps / 2];
        System.out.printf(Locale.ROOT, "%s %-22s cpu %8.2f ms  wall %8.2f ms  %6.1f GFLOP/cpu-s  bits %08x%n", pass, label, c,
                wall[reps / 2], g.flops() / c * 1e-6, hash);
        return c;
    }

    private static long totalCpu(com.sun.management.ThreadMXBean bean) {
        long sum = 0;
        for (long id : bean.getAllThreadIds()) {
            long t = bean.getThreadCpuTime(id);
            if (t > 0) sum += t;
        }
        return sum;
    }

    private static float[] random(Random random, int size) {
        float[] a = new float[size];
        for (int i = 0; i < size; i++) a[i] = random.nextFloat() * 2 - 1;
        return a;
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
