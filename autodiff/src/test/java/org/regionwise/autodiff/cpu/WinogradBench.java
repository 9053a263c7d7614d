package org.regionwise.autodiff.cpu;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.ReferenceKernels;

/**
 * Winograd F(2x2, 3x3) against the direct kernels on the standard U-Net's stride-1 3x3 shapes (channels in
 * -> out at their plane size): (1) the same-run speed ratio, single thread, the two algorithms alternating
 * call by call on the same operands, medians; (2) the error of each against the double-precision direct
 * reference, on the same channel counts at a 16x16 plane (the error of an output element depends on the
 * number of terms it sums, C*9, not on the plane size), as the max over elements of |error| / sum of |terms|
 * and |error| / max |output|.
 *
 * <p>A plain main, like {@code bench.KernelBench} (it sits in this package to pin the algorithm). Run (after
 * {@code mvn -o -q -pl autodiff test-compile}): {@code java --add-modules jdk.incubator.vector -cp
 * autodiff/target/classes:autodiff/target/test-classes org.regionwise.autodiff.cpu.WinogradBench [batch] [reps]}
 */
public final class WinogradBench {
    /** {in, out, plane}: the 5-level U-Net 32..512 on 128x128, encoder and decoder (after the concat). */
    private static final int[][] SHAPES = {
        {1, 32, 128}, {32, 32, 128}, {64, 32, 128}, {64, 64, 64}, {128, 64, 64}, {128, 128, 32}, {256, 128, 32},
        {256, 256, 16}, {512, 256, 16}, {512, 512, 8},
    };

    private WinogradBench() {}

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        TiledKernels direct = new VectorKernels(1);
        direct.convMode(ConvChoice.Mode.OFF);
        TiledKernels winograd = new VectorKernels(1);
        winograd.convMode(ConvChoice.Mode.ON);
        Random random = new Random(1);
        System.out.printf(Locale.ROOT, "%-22s %-13s %10s %10s %7s%n", "shape", "pass", "direct ms", "wino ms", "ratio");
        for (int[] s : SHAPES) {
            ConvGeometry g = ConvGeometry.of(batch, s[0], s[2], s[2], s[1], 3, 3, 1, 1, 1);
            float[] x = Agreement.uniform(random, g.inputSize());
            float[] w = Agreement.uniform(random, g.weightSize());
            float[] y = new float[g.outputSize()];
            float[] dx = new float[g.inputSize()];
            double[][] f = alternate(reps, () -> direct.conv2dForward(g, x, w, null, y),
                    () -> winograd.conv2dForward(g, x, w, null, y));
            double[][] d = alternate(reps, () -> direct.conv2dBackwardData(g, y, w, dx),
                    () -> winograd.conv2dBackwardData(g, y, w, dx));
            String shape = String.format(Locale.ROOT, "%d->%d @%dx%d n%d", s[0], s[1], s[2], s[2], batch);
            row(shape, "forward", f);
            row(shape, "backward_data", d);
        }
        System.out.printf(Locale.ROOT, "%nerror against the double reference (16x16 plane, batch 1), max over elements%n");
        System.out.printf(Locale.ROOT, "%-12s %-13s %14s %14s %14s %14s%n", "channels", "pass", "direct/terms",
                "wino/terms", "direct/max|y|", "wino/max|y|");
        ReferenceKernels reference = new ReferenceKernels();
        double[] worst = new double[4];
        for (int[] s : SHAPES) {
            ConvGeometry g = ConvGeometry.of(1, s[0], 16, 16, s[1], 3, 3, 1, 1, 1);
            float[] x = Agreement.uniform(random, g.inputSize());
            float[] w = Agreement.uniform(random, g.weightSize());
            float[] ref = new float[g.outputSize()];
            float[] scale = new float[g.outputSize()];
            reference.conv2dForward(g, x, w, null, ref);
            reference.conv2dForward(g, Agreement.abs(x), Agreement.abs(w), null, scale);
            float[] a = new float[g.outputSize()];
            float[] b = new float[g.outputSize()];
            direct.conv2dForward(g, x, w, null, a);
            winograd.conv2dForward(g, x, w, null, b);
            errorRow(s, "forward", ref, scale, a, b, worst);
            float[] dy = Agreement.uniform(random, g.outputSize());
            float[] refDx = new float[g.inputSize()];
            float[] scaleDx = new float[g.inputSize()];
            reference.conv2dBackwardData(g, dy, w, refDx);
            reference.conv2dBackwardData(g, Agreement.abs(dy), Agreement.abs(w), scaleDx);
            float[] c = new float[g.inputSize()];
            float[] e = new float[g.inputSize()];
            direct.conv2dBackwardData(g, dy, w, c);
            winograd.conv2dBackwardData(g, dy, w, e);
            errorRow(s, "backward_data", refDx, scaleDx, c, e, worst);
        }
        System.out.printf(Locale.ROOT, "%-12s %-13s %14.2e %14.2e %14.2e %14.2e%n", "worst", "", worst[0], worst[1],
                worst[2], worst[3]);
        direct.close();
        winograd.close();
    }

    /** Medians (ms) of {@code reps} alternating calls of a and b, after one untimed call each. */
    private static double[][] alternate(int reps, Runnable a, Runnable b) {
        a.run();
        b.run();
        double[] ta = new double[reps];
        double[] tb = new double[reps];
        for (int i = 0; i < reps; i++) {
            ta[i] = millis(a);
            tb[i] = millis(b);
        }
        return new double[][] {ta, tb};
    }

    private static double millis(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static void row(String shape, String pass, double[][] t) {
        double a = median(t[0]);
        double b = median(t[1]);
        System.out.printf(Locale.ROOT, "%-22s %-13s %10.1f %10.1f %7.2f%n", shape, pass, a, b, b / a);
    }

    private static void errorRow(int[] s, String pass, float[] ref, float[] scale, float[] direct, float[] wino,
                                 double[] worst) {
        double maxRef = 0;
        for (float v : ref) maxRef = Math.max(maxRef, Math.abs(v));
        double[] e = new double[4];
        for (int i = 0; i < ref.length; i++) {
            double ed = Math.abs((double) direct[i] - ref[i]);
            double ew = Math.abs((double) wino[i] - ref[i]);
            e[0] = Math.max(e[0], ed / scale[i]);
            e[1] = Math.max(e[1], ew / scale[i]);
            e[2] = Math.max(e[2], ed / maxRef);
            e[3] = Math.max(e[3], ew / maxRef);
        }
        for (int i = 0; i < 4; i++) worst[i] = Math.max(worst[i], e[i]);
        System.out.printf(Locale.ROOT, "%-12s %-13s %14.2e %14.2e %14.2e %14.2e%n", s[0] + "->" + s[1], pass, e[0], e[1],
                e[2], e[3]);
    }
}
