package org.regionwise.autodiff.cpu;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The micro-kernel alone, on data that stays in L1: GFLOP per CPU-second of {@code panelTimesRows} (depth 256,
 * source rows a 3x3 convolution's offsets apart) and {@code rowsTimesPanel} (depth 128), beside one core's FMA
 * peak measured the same way. What a pass could reach at best; the passes' own figures come from
 * {@code bench.UNetConvShapeBench}. Uses the kernel {@link VectorKernels} picks for this CPU.
 *
 * <p>Run (after {@code mvn -o -q -pl autodiff test-compile}):
 * {@code java --add-modules jdk.incubator.vector -cp autodiff/target/classes:autodiff/target/test-classes
 * org.regionwise.autodiff.cpu.MicroKernelBench}
 */
public final class MicroKernelBench {
    private MicroKernelBench() {}

    public static void main(String[] args) {
        MicroKernel k = NarrowVectorMicroKernel.needed() ? new NarrowVectorMicroKernel() : new VectorMicroKernel();
        TileShape shape = k.shape();
        int kc = 256;
        float[] a = filled(kc * shape.mr());
        int[] rowOff = new int[kc];
        for (int i = 0; i < kc; i++) rowOff[i] = (i % 9) * 130 + (i / 9) * 40;
        float[] src = filled(20_000);
        float[] tile = new float[shape.tile()];
        int wkc = 128;
        float[] b = filled(wkc * shape.wn());
        float[] acc = new float[shape.weightTile()];
        int[] weightRows = new int[shape.wr()];
        for (int i = 0; i < weightRows.length; i++) weightRows[i] = i * 200;
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "kernel %s, tile %s, one core's FMA peak %.1f GFLOP/cpu-s, load %.2f%n", k.name(), shape,
                FmaPeak.measurePerCpuSecond(20_000_000L), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int calls = 200_000;
        for (int round = 0; round < 6; round++) {
            long c0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) k.panelTimesRows(a, 0, src, rowOff, 0, i & 63, kc, tile, 0, false);
            double panel = 2.0 * calls * kc * shape.tile() / (bean.getCurrentThreadCpuTime() - c0);
            c0 = bean.getCurrentThreadCpuTime();
            for (int i = 0; i < calls; i++) k.rowsTimesPanel(src, weightRows, 0, i & 63, wkc, b, 0, acc, 0);
            double rows = 2.0 * calls * wkc * shape.weightTile() / (bean.getCurrentThreadCpuTime() - c0);
            // The checksum keeps the calls from being optimised away.
            System.out.printf(Locale.ROOT, "panelTimesRows %5.1f GFLOP/cpu-s   rowsTimesPanel %5.1f GFLOP/cpu-s   (checksum %.3f)%n",
                    panel, rows, tile[3] + acc[5]);
        }
    }

    private static float[] filled(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (i % 7) * 0.01f;
        return x;
    }
}
