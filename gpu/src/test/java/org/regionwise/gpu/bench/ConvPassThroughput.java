package org.regionwise.gpu.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.gpu.GpuBackend;
import org.regionwise.gpu.GpuBackends;
import org.regionwise.gpu.GpuStorage;
import org.regionwise.gpu.kernels.ConvKernels;
import org.regionwise.gpu.kernels.Launch;
import org.regionwise.gpu.kernels.TiledConvBackwardWeight;

/**
 * GFLOP/s of each convolution pass on a device, the launched (register-tiled) kernels next to their direct
 * twins, timed one after the other on the same resident tensors: the before/after figure of the tiling.
 * Each pass: one launch to compile and warm up, then the median of {@code reps} launches. FLOPs are the
 * forward pass's 2 N K OH OW C R S for all three passes (each does that many multiply-adds).
 *
 * <p>Run alone: {@code java @$TORNADOVM_HOME/tornado-argfile -Dtornado.load.annotation.parallel=org.regionwise.gpu.Parallel
 * -cp <cli jar>:<gpu test classes> org.regionwise.gpu.bench.ConvPassThroughput [quick] [direct|tiled] [java]
 * [forward|data|weight] [N,C,H,W,K,stride ...]}
 * ({@code java}: the plain-Java device, for a smoke test without TornadoVM; a pass name times that pass only;
 * shapes: 3x3 convolutions, pad 1, instead of {@link #shapes})
 */
public final class ConvPassThroughput {
    /** One pass, one kernel variant: milliseconds per launch (median) and GFLOP/s. */
    public record Figure(String pass, String variant, ConvGeometry geometry, double ms, double gflops, double cpuMs, double gflopsPerCpuSecond) {}

    private ConvPassThroughput() {}

    /** The shapes timed: 3x3 convolutions of the standard U-Net's first two levels (quick: small ones). */
    public static List<ConvGeometry> shapes(boolean quick) {
        return quick
                ? List.of(ConvGeometry.of(8, 16, 32, 32, 16, 3, 3, 1, 1, 1))
                : List.of(ConvGeometry.of(8, 64, 64, 64, 64, 3, 3, 1, 1, 1), ConvGeometry.of(8, 32, 128, 128, 64, 3, 3, 2, 1, 1));
    }

    public static void main(String[] args) {
        boolean quick = Arrays.asList(args).contains("quick");
        boolean direct = !Arrays.asList(args).contains("tiled");
        boolean tiled = !Arrays.asList(args).contains("direct");
        String backend = Arrays.asList(args).contains("java") ? GpuBackends.TORNADO_JAVA : GpuBackends.TORNADO;
        GpuBackend gpu = GpuBackends.create(backend, 1 << 26);
        try {
            System.out.println("backend " + gpu.name());
            List<ConvGeometry> shapes = new ArrayList<>();
            for (String a : args) {
                if (a.contains(",")) {
                    int[] v = Arrays.stream(a.split(",")).mapToInt(Integer::parseInt).toArray();
                    if (v.length != 6) throw new IllegalArgumentException("shape " + a + ": expected N,C,H,W,K,stride (3x3, pad 1)");
                    shapes.add(ConvGeometry.of(v[0], v[1], v[2], v[3], v[4], 3, 3, v[5], 1, 1));
                }
            }
            if (shapes.isEmpty()) shapes = shapes(quick);
            List<String> passNames = List.of("forward", "data", "weight");
            boolean[] passes = new boolean[3];
            boolean anyNamed = false;
            for (int p = 0; p < 3; p++) {
                passes[p] = Arrays.asList(args).contains(passNames.get(p));
                anyNamed |= passes[p];
            }
            if (!anyNamed) Arrays.fill(passes, true);
            for (ConvGeometry g : shapes) measure(gpu, g, quick ? 5 : 3, direct, tiled, passes);
        } finally {
            gpu.close();
        }
    }

    /** Times the three passes on {@code g}, direct and/or tiled, printing one line per figure. */
    public static List<Figure> measure(GpuBackend gpu, ConvGeometry g, int reps, boolean direct, boolean tiled) {
        return measure(gpu, g, reps, direct, tiled, new boolean[] {true, true, true});
    }

    /** As {@link #measure(GpuBackend, ConvGeometry, int, boolean, boolean)}, for the passes flagged in {@code timed}. */
    public static List<Figure> measure(GpuBackend gpu, ConvGeometry g, int reps, boolean direct, boolean tiled, boolean[] timed) {
        Random random = new Random(1);
        GpuStorage x = gpu.ops().upload(randoms(random, g.inputSize()));
        GpuStorage w = gpu.ops().upload(randoms(random, g.weightSize()));
        GpuStorage dy = gpu.ops().upload(randoms(random, g.outputSize()));
        GpuStorage y = gpu.ops().zeros(g.outputSize());
        GpuStorage dx = gpu.ops().zeros(g.inputSize());
        GpuStorage dw = gpu.ops().zeros(g.weightSize());
        int splits = TiledConvBackwardWeight.splits(g);
        GpuStorage partials = gpu.ops().zeros(Math.max(1, TiledConvBackwardWeight.partialsSize(g, splits)));
        List<Figure> figures = new ArrayList<>();
        String[] passes = {"forward", "backward data", "backward weight"};
        for (int pass = 0; pass < 3; pass++) {
            if (!timed[pass]) continue;
            for (int variant = 0; variant < 2; variant++) {
                boolean isDirect = variant == 0;
                if (isDirect ? !direct : !tiled) continue;
                // The tiled backward-weight pass is two launches (split partial sums, then their sum): timed together.
                List<Launch> l = switch (pass) {
                    case 0 -> List.of(isDirect ? ConvKernels.directForwardLaunch(g, x.deviceOffset(), w.deviceOffset(), -1, y.deviceOffset())
                            : ConvKernels.forwardLaunch(g, x.deviceOffset(), w.deviceOffset(), -1, y.deviceOffset()));
                    case 1 -> List.of(isDirect ? ConvKernels.directBackwardDataLaunch(g, dy.deviceOffset(), w.deviceOffset(), dx.deviceOffset())
                            : ConvKernels.backwardDataLaunch(g, dy.deviceOffset(), w.deviceOffset(), dx.deviceOffset()));
                    default -> isDirect ? List.of(ConvKernels.directBackwardWeightLaunch(g, x.deviceOffset(), dy.deviceOffset(), dw.deviceOffset()))
                            : TiledConvBackwardWeight.launches(g, x.deviceOffset(), dy.deviceOffset(), dw.deviceOffset(), splits,
                                    partials.deviceOffset());
                };
                launchAll(gpu, l); // compile and warm up
                double[] ms = new double[reps];
                double[] cpuMs = new double[reps];
                for (int i = 0; i < reps; i++) {
                    long cpuStart = processCpuNanos();
                    long start = System.nanoTime();
                    launchAll(gpu, l);
                    ms[i] = (System.nanoTime() - start) / 1e6;
                    cpuMs[i] = (processCpuNanos() - cpuStart) / 1e6;
                }
                Arrays.sort(ms);
                Arrays.sort(cpuMs);
                double median = ms[reps / 2];
                double cpuMedian = cpuMs[reps / 2];
                Figure f = new Figure(passes[pass], isDirect ? "direct" : "tiled", g, median, g.flops() / (median / 1e3) / 1e9,
                        cpuMedian, g.flops() / (cpuMedian / 1e3) / 1e9);
                figures.add(f);
                System.out.printf(Locale.ROOT,
                        "conv %-15s %-6s N%d C%d %dx%d -> K%d %dx%d, %dx%d stride %d: %.2f ms, %.2f GFLOP/s; %.0f CPU-ms, %.2f GFLOP per CPU-s%n",
                        f.pass(), f.variant(), g.n(), g.c(), g.h(), g.w(), g.k(), g.outH(), g.outW(), g.r(), g.s(), g.strideH(),
                        f.ms(), f.gflops(), f.cpuMs(), f.gflopsPerCpuSecond());
            }
        }
        return figures;
    }

    private static void launchAll(GpuBackend gpu, List<Launch> launches) {
        for (Launch l : launches) gpu.heap().launch(l);
    }

    /**
     * CPU time of the whole process, every thread included (an OpenCL CPU device such as PoCL runs kernels on its
     * own native threads): on a shared machine, GFLOP per CPU-second moves less with the load than GFLOP/s.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static float[] randoms(Random random, int count) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) a[i] = (float) random.nextGaussian();
        return a;
    }
}
