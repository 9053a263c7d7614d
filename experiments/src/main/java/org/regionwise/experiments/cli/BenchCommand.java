package org.regionwise.experiments.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.regionwise.experiments.io.Json;
import org.regionwise.experiments.bench.MapsBench;
import org.regionwise.experiments.bench.ScipyEdt;
import org.regionwise.experiments.bench.UNetBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise bench}: the standard U-Net training step (5 levels, 32..512 filters, batch 8 of
 * 1x128x128, 4 classes, cross entropy, Adam) on regionwise and, when the optional peer module is built,
 * on PyTorch through DJL, interleaved in one process; conv2d throughput against the measured FMA peak;
 * heap allocation per step. {@code regionwise bench maps}: EDT and RRW map timings, with scipy's EDT on
 * the same mask. Progress goes to stderr; results to stdout, as text or ({@code --json}) one JSON object.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark the training step (regionwise against PyTorch, when the peer is built), "
                + "conv2d against the FMA peak, and allocation per step; 'bench maps' times the maps against scipy.",
                "Progress goes to stderr; results to stdout. The load average is recorded with every figure."},
        subcommands = BenchCommand.Maps.class)
final class BenchCommand implements Callable<Integer> {
    static final int DEFAULT_THREADS = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--quick", scope = ScopeType.INHERIT,
            description = "A smoke test through the same code: 2-level U-Net on batch 2 of 32x32, small conv and maps.")
    boolean quick;

    @Option(names = "--threads", paramLabel = "T", scope = ScopeType.INHERIT,
            description = "CPU threads for regionwise and PyTorch alike (default: " + DEFAULT_THREADS + ").")
    int threads = DEFAULT_THREADS;

    @Option(names = "--steps", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Timed training steps (default 10; 2 with --quick); for 'bench maps', timed runs (default 5; 3).")
    Integer steps;

    @Option(names = "--warmup", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Untimed warm-up steps (default 3; 1 with --quick); for 'bench maps', warm-up runs (default 2; 1).")
    Integer warmup;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = UNetBench.CPU,
            description = "Where regionwise runs the U-Net step: cpu (default), tornado (TornadoVM's default device) "
                    + "or tornado-java (the GPU kernels as plain Java, slow).")
    String backend;

    @Option(names = "--no-peer", description = "Do not run the PyTorch peer even when it is built.")
    boolean noPeer;

    @Override
    public Integer call() throws InterruptedException {
        check(spec);
        int w = warmup != null ? warmup : quick ? 1 : 3;
        int s = steps != null ? steps : quick ? 2 : 10;
        UNetBench.Options options = quick
                ? UNetBench.Options.quick(threads, w, s, backend, !noPeer)
                : UNetBench.Options.standard(threads, w, s, backend, !noPeer);
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> result = UNetBench.run(options, err);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.compact(result, 6));
        } else {
            printUNet(out, result);
        }
        out.flush();
        return Main.OK;
    }

    /** Usage checks shared with the subcommand. */
    void check(CommandSpec where) {
        if (threads < 1) throw new ParameterException(where.commandLine(), "--threads must be at least 1, got " + threads);
        if (steps != null && steps < 1) throw new ParameterException(where.commandLine(), "--steps must be at least 1, got " + steps);
        if (warmup != null && warmup < 0) throw new ParameterException(where.commandLine(), "--warmup must be at least 0, got " + warmup);
    }

    /** {@code regionwise bench maps}. */
    @Command(name = "maps", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Time the EDT of a 256x256x128 ellipsoid mask and the 4-class RRW map of a 181x217x181 "
                    + "volume (median of several runs), and scipy.ndimage.distance_transform_edt on the same mask "
                    + "when Python with scipy is installed (Debian: apt-get install python3-scipy)."})
    static final class Maps implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @ParentCommand
        BenchCommand bench;

        @Option(names = "--python", paramLabel = "PATH", defaultValue = ScipyEdt.DEFAULT_PYTHON,
                description = "Python interpreter with scipy (default: ${DEFAULT-VALUE}, Debian's).")
        String python;

        @Option(names = "--no-scipy", description = "Do not run scipy.")
        boolean noScipy;

        @Override
        public Integer call() {
            bench.check(spec);
            String py = noScipy ? null : python;
            MapsBench.Options options = bench.quick
                    ? MapsBench.Options.quick(bench.threads, bench.warmup, bench.steps, py)
                    : MapsBench.Options.standard(bench.threads, bench.warmup, bench.steps, py);
            Map<String, Object> result = MapsBench.run(options, spec.commandLine().getErr());
            PrintWriter out = spec.commandLine().getOut();
            if (bench.json) {
                out.println(Json.compact(result, 6));
            } else {
                printMaps(out, result);
            }
            out.flush();
            return Main.OK;
        }
    }

    // ---- text output -----------------------------------------------------------------------------

    private static void printUNet(PrintWriter out, Map<String, Object> r) {
        out.printf(Locale.ROOT, "%s; backend %s, %s thread(s), median of %s steps after %s warm-up%n", r.get("config"),
                r.get("backend"), r.get("threads"), r.get("steps"), r.get("warmup"));
        row(out, "regionwise step", ms(r.get("unet_step_ms")) + " (" + num(r.get("unet_effective_gflops"), 1)
                + " GFLOP/s effective on " + num(r.get("unet_gflop_per_step"), 1) + " GFLOP counted; fastest "
                + ms(r.get("unet_step_ms_min")) + ", CPU " + ms(r.get("unet_step_cpu_ms")) + ")");
        if (r.get("unet_step_split") instanceof Map<?, ?> split) {
            row(out, "  of which (mean)", "conv forward " + ms(split.get("conv_fwd_ms")) + ", backward data "
                    + ms(split.get("conv_bwd_data_ms")) + ", backward weight " + ms(split.get("conv_bwd_weight_ms"))
                    + ", gemm " + ms(split.get("gemm_ms")) + "; other kernels (norm, activation, loss, Adam, copies) "
                    + ms(split.get("tensor_ops_ms")) + "; outside the kernels " + ms(split.get("outside_kernels_ms")));
        }
        if (r.get("unet_conv_shapes") instanceof List<?> shapes && !shapes.isEmpty()) {
            out.printf(Locale.ROOT, "  conv passes per step, slowest first (weakest: lowest GFLOP/s):%n");
            out.printf(Locale.ROOT, "    %-46s %-15s %5s %9s %8s %6s  %s%n", "shape", "pass", "calls", "ms", "GFLOP/s",
                    "peak", "algorithm");
            Object weakest = r.get("unet_conv_weakest");
            for (Object o : shapes) {
                Map<?, ?> s = (Map<?, ?>) o;
                out.printf(Locale.ROOT, "    %-46s %-15s %5s %9s %8s %6s  %s%s%n", s.get("shape"), s.get("pass"),
                        num(s.get("calls_per_step"), 0), num(s.get("ms_per_step"), 1), num(s.get("gflops"), 1),
                        pct(s.get("share_of_peak")), s.get("algorithm"), s.equals(weakest) ? "  <- weakest" : "");
            }
        }
        row(out, "allocated per step", (r.get("alloc_mb_per_step") == null ? "n/a: " + r.get("alloc_mb_per_step_reason")
                : num(r.get("alloc_mb_per_step"), 1) + " MB (target < 10)") + ", GC " + ms(r.get("gc_ms_per_step")));
        if (r.get("peer_unet_step_ms") != null) {
            row(out, "peer step", ms(r.get("peer_unet_step_ms")) + " (" + num(r.get("peer_effective_gflops"), 1)
                    + " GFLOP/s effective; fastest " + ms(r.get("peer_unet_step_ms_min")) + ", CPU "
                    + ms(r.get("peer_unet_step_cpu_ms")) + ") " + r.get("peer"));
            row(out, "ratio regionwise/peer", num(r.get("ratio"), 2) + " of medians (target <= 1.0, goal 0.7); fastest/fastest "
                    + num(r.get("ratio_of_fastest"), 2) + ", CPU time " + num(r.get("cpu_time_ratio"), 2));
            if (r.get("peer_warning") != null) row(out, "warning", String.valueOf(r.get("peer_warning")));
        } else {
            out.printf("  %s%n", r.get("peer_unet_step_ms_reason"));
        }
        row(out, "loss", "regionwise " + num(r.get("unet_loss_first"), 4) + " -> " + num(r.get("unet_loss_last"), 4)
                + (r.get("peer_loss_first") == null ? ""
                        : ", peer " + num(r.get("peer_loss_first"), 4) + " -> " + num(r.get("peer_loss_last"), 4)));
        Object peak = r.get("fma_peak_gflops");
        row(out, "FMA peak", peak == null ? "n/a: " + r.get("fma_peak_gflops_reason")
                : num(peak, 1) + " GFLOP/s (" + r.get("fma_bits") + "-bit vectors, " + r.get("threads") + " threads; one core "
                        + num(r.get("fma_peak_per_core_cpu_gflops"), 1) + " GFLOP/s per CPU-second)");
        row(out, "conv2d " + r.get("conv_shape"), "");
        row(out, "  forward", num(r.get("conv_fwd_gflops"), 1) + " GFLOP/s = " + pct(r.get("conv_fwd_share_of_peak"))
                + " of peak (target 60%); CPU-time efficiency " + pct(r.get("conv_fwd_cpu_efficiency")));
        row(out, "  backward (data + weight)", num(r.get("conv_bwd_gflops"), 1) + " GFLOP/s = "
                + pct(r.get("conv_bwd_share_of_peak")) + " of peak (target 45%); data " + num(r.get("conv_bwd_data_gflops"), 1)
                + ", weight " + num(r.get("conv_bwd_weight_gflops"), 1) + "; CPU-time efficiency "
                + pct(r.get("conv_bwd_cpu_efficiency")));
        row(out, "load average", "before " + load(r.get("load_before")) + ", after " + load(r.get("load_after")));
        printMachine(out, r);
    }

    private static void printMaps(PrintWriter out, Map<String, Object> r) {
        out.printf(Locale.ROOT, "maps, %s thread(s), median of %s runs after %s warm-up%n", r.get("threads"), r.get("runs"),
                r.get("warmups"));
        row(out, "EDT " + r.get("edt_shape") + " ellipsoid", ms(r.get("edt_ms")) + " wall (" + ms(r.get("edt_cpu_ms")) + " CPU)");
        row(out, "RRW " + r.get("rrw_shape") + ", " + r.get("rrw_classes") + " classes",
                ms(r.get("rrw_ms")) + " wall (" + ms(r.get("rrw_cpu_ms")) + " CPU)");
        if (r.get("scipy_edt_ms") != null) {
            row(out, "scipy " + r.get("scipy_version") + " EDT", ms(r.get("scipy_edt_ms")) + " wall (" + ms(r.get("scipy_edt_cpu_ms"))
                    + " CPU; 1 thread; " + r.get("scipy_python") + "), same distances: " + r.get("same_result"));
            row(out, "EDT ratio", num(r.get("edt_ratio"), 3) + " regionwise/scipy of wall medians (target <= 0.1); CPU time "
                    + num(r.get("edt_cpu_ratio"), 3));
        } else {
            out.printf("  %s%n", r.get("scipy_edt_ms_reason"));
        }
        row(out, "load average", "before " + load(r.get("load_before")) + ", after " + load(r.get("load_after")));
        printMachine(out, r);
    }

    private static void row(PrintWriter out, String label, String value) {
        out.printf(Locale.ROOT, "  %-30s %s%n", label, value);
    }

    @SuppressWarnings("unchecked")
    private static void printMachine(PrintWriter out, Map<String, Object> r) {
        Map<String, Object> m = (Map<String, Object>) r.get("machine");
        row(out, "machine", m.get("cpu") + ", " + m.get("cores") + " cores; " + m.get("jdk") + "; " + m.get("date"));
    }

    private static String ms(Object v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f ms", ((Number) v).doubleValue());
    }

    private static String num(Object v, int decimals) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", ((Number) v).doubleValue());
    }

    private static String pct(Object v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * ((Number) v).doubleValue());
    }

    private static String load(Object v) {
        if (!(v instanceof List<?> l) || l.isEmpty()) return "n/a";
        StringBuilder s = new StringBuilder();
        for (Object x : l) s.append(s.length() == 0 ? "" : " ").append(num(x, 2));
        return s.toString();
    }
}
