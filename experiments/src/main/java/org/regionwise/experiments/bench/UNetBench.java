package org.regionwise.experiments.bench;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.regionwise.autodiff.backend.Backend;
import org.regionwise.autodiff.backend.Backends;
import org.regionwise.autodiff.backend.ConvGeometry;
import org.regionwise.autodiff.backend.CpuBackend;
import org.regionwise.gpu.GpuBackends;

/**
 * The training benchmark of {@code regionwise bench}: FMA peak, conv2d throughput, then the U-Net training
 * step of {@link UNetStepSpec} on regionwise and on the peer, interleaved. Returns one ordered map whose
 * keys are the JSON output's; a figure that could not be measured is null with a {@code <key>_reason}.
 */
public final class UNetBench {
    public static final String CPU = GpuBackends.CPU;

    /**
     * What to run.
     *
     * @param spec        the network and batch
     * @param warmup      untimed steps per contestant
     * @param steps       timed steps per contestant
     * @param backend     "cpu", "tornado" or "tornado-java"
     * @param conv        the convolution whose throughput is measured
     * @param convWarmupNanos warm-up time per convolution pass
     * @param convReps    timed calls per convolution pass
     * @param fmaIterations iterations of the FMA loop per thread per repetition
     * @param peer        whether to look for and run the peer
     * @param quick       recorded in the output
     */
    public record Options(UNetStepSpec spec, int warmup, int steps, String backend, ConvGeometry conv,
                          long convWarmupNanos, int convReps, long fmaIterations, boolean peer, boolean quick) {

        public Options {
            if (warmup < 0 || steps < 1) throw new IllegalArgumentException("need --warmup >= 0 and --steps >= 1, got "
                    + warmup + " and " + steps);
        }

        /** The standard run. */
        public static Options standard(int threads, int warmup, int steps, String backend, boolean peer) {
            return new Options(UNetStepSpec.standard(threads), warmup, steps, backend, ConvThroughput.STANDARD,
                    2_000_000_000L, 7, 20_000_000L, peer, false);
        }

        /** A smoke test through the same code path, in seconds. */
        public static Options quick(int threads, int warmup, int steps, String backend, boolean peer) {
            return new Options(UNetStepSpec.quick(threads), warmup, steps, backend, ConvThroughput.QUICK,
                    0L, 3, 200_000L, peer, true);
        }
    }

    private UNetBench() {}

    /** Installs the backend, measures, restores the previous default backend, returns the results. */
    public static Map<String, Object> run(Options o, PrintWriter progress) throws InterruptedException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("benchmark", "unet");
        r.put("config", o.spec().describe());
        r.put("quick", o.quick());
        r.put("threads", o.spec().threads());
        r.put("warmup", o.warmup());
        r.put("steps", o.steps());
        r.put("load_before", MachineInfo.load());

        Backend previous = Backends.getDefault();
        Backend backend = install(o.backend(), o.spec().threads());
        try {
            r.put("backend", backend.name());
            fma(o, r, progress);
            conv(o, backend, r, progress);
            steps(o, r, progress);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw e;
        } catch (RuntimeException e) {
            // A device runtime's own exception (TornadoVM's out-of-memory, for one): one line naming the backend.
            String message = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("").replaceAll("\u001b\\[[0-9;]*m", "").strip();
            throw new IllegalStateException("--backend " + o.backend() + " (" + backend.name() + "): "
                    + e.getClass().getSimpleName() + ": " + message, e);
        } finally {
            Backends.setDefault(previous);
            if (backend.kernels() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // worker threads are daemons; nothing else to release
                }
            }
        }
        r.put("load_after", MachineInfo.load());
        r.put("targets", targets(r));
        r.put("machine", MachineInfo.describe());
        return r;
    }

    /** The default backend for {@code name}; a missing TornadoVM is an IllegalStateException naming what is missing. */
    static Backend install(String name, int threads) {
        Backend backend = GpuBackends.byName(name, threads, TimedKernels::new);
        Backends.setDefault(backend);
        return backend;
    }

    private static void fma(Options o, Map<String, Object> r, PrintWriter progress) throws InterruptedException {
        say(progress, "fma peak (%d threads)...", o.spec().threads());
        Double peak = ConvThroughput.fmaPeak(o.spec().threads(), o.fmaIterations());
        r.put("fma_peak_gflops", peak);
        if (peak == null) {
            r.put("fma_peak_gflops_reason", "the JVM lacks the Vector API (start it with --add-modules "
                    + "jdk.incubator.vector, as ./regionwise does)");
        } else {
            r.put("fma_bits", ConvThroughput.fmaBits());
        }
        Double perCore = ConvThroughput.fmaPeakPerCpuSecond(o.fmaIterations());
        if (perCore != null) {
            r.put("fma_peak_per_core_cpu_gflops", perCore);
        }
        r.put("fma_load", MachineInfo.load());
    }

    private static void conv(Options o, Backend backend, Map<String, Object> r, PrintWriter progress) {
        say(progress, "conv2d %dx%d %d->%d, batch %d of %dx%d...", o.conv().r(), o.conv().s(), o.conv().c(),
                o.conv().k(), o.conv().n(), o.conv().h(), o.conv().w());
        Map<String, Object> c = ConvThroughput.measure(backend, o.conv(), o.convWarmupNanos(), o.convReps());
        r.put("conv_shape", c.get("shape"));
        r.put("conv_kernels", c.get("kernels"));
        for (String key : List.of("fwd_ms", "bwd_data_ms", "bwd_weight_ms", "fwd_gflops", "bwd_gflops",
                "bwd_data_gflops", "bwd_weight_gflops")) {
            r.put("conv_" + key, c.get(key));
        }
        Double peak = (Double) r.get("fma_peak_gflops");
        boolean onCpu = backend instanceof CpuBackend;
        String noShare = !onCpu ? "the FMA peak is the CPU's; the convolution ran on " + backend.name() : "no FMA peak";
        r.put("conv_fwd_share_of_peak", peak == null || !onCpu ? null : (Double) c.get("fwd_gflops") / peak);
        r.put("conv_bwd_share_of_peak", peak == null || !onCpu ? null : (Double) c.get("bwd_gflops") / peak);
        if (peak == null || !onCpu) {
            r.put("conv_fwd_share_of_peak_reason", noShare);
            r.put("conv_bwd_share_of_peak_reason", noShare);
        }
        // Load-robust: FLOPs per CPU-second the kernels used, as a share of one core's FMA rate per CPU-second.
        Double perCore = (Double) r.get("fma_peak_per_core_cpu_gflops");
        double flops = (Double) c.get("flops");
        if (onCpu && perCore != null && c.get("fwd_cpu_ms") != null) {
            r.put("conv_fwd_cpu_efficiency", flops / ((Double) c.get("fwd_cpu_ms") * 1e-3) * 1e-9 / perCore);
            r.put("conv_bwd_cpu_efficiency", 2 * flops / ((Double) c.get("bwd_cpu_ms") * 1e-3) * 1e-9 / perCore);
        }
        r.put("conv_load", MachineInfo.load());
    }

    private static void steps(Options o, Map<String, Object> r, PrintWriter progress) {
        UNetStepSpec spec = o.spec();
        r.put("unet_gflop_per_step", spec.stepFlops() * 1e-9);
        StepTimer timer = new StepTimer();
        say(progress, "building %s...", spec.describe());
        RegionwiseUNetStep ours = new RegionwiseUNetStep(spec);
        r.put("unet_parameters", ours.parameterCount());
        StepTimer.Entry oursEntry = timer.add("regionwise", ours, true);

        String peerReason = null;
        StepTimer.Entry peerEntry = null;
        TrainingStep peerStep = null;
        String peerName = null;
        if (!o.peer()) {
            peerReason = "peer: skipped (--no-peer)";
        } else if (!CPU.equals(o.backend().trim().toLowerCase(Locale.ROOT))) {
            peerReason = "peer: runs on the CPU, so it is not compared with --backend " + o.backend();
        } else {
            PeerLoader.Found found = PeerLoader.find();
            if (found.peer() == null) {
                peerReason = found.reason();
            } else {
                peerName = found.peer().name();
                say(progress, "building the same network in %s...", peerName);
                try {
                    peerStep = found.peer().open(spec);
                    peerEntry = timer.add(peerName, peerStep, false);
                } catch (Exception | LinkageError e) {
                    peerReason = "peer: " + peerName + " could not start: " + e;
                }
            }
        }
        say(progress, "%d warm-up + %d timed steps%s, interleaved...", o.warmup(), o.steps(),
                peerEntry != null ? " each" : "");
        int[] round = {0};
        StepTimer.Entry peerShown = peerEntry;
        TimedKernels timed = Backends.getDefault().kernels() instanceof TimedKernels t ? t : null;
        if (timed != null) timed.reset();
        try {
            timer.run(o.warmup(), o.steps(), () -> {
                round[0]++;
                if (timed != null && round[0] == o.warmup()) timed.reset(); // count the timed steps only
                List<Double> load = MachineInfo.load();
                say(progress, "  step %d/%d%s: regionwise %s%s, load %s", round[0], o.warmup() + o.steps(),
                        round[0] <= o.warmup() ? " (warm-up)" : "", last(oursEntry),
                        peerShown == null ? "" : ", peer " + last(peerShown), load.isEmpty() ? "?" : load.get(0));
            });
        } finally {
            if (peerStep != null) peerStep.close();
        }
        if (oursEntry.failure() != null) {
            throw new IllegalStateException("the regionwise training step failed: " + oursEntry.failure());
        }
        Double ms = oursEntry.medianMs();
        r.put("unet_step_ms", ms);
        r.put("unet_step_ms_runs", oursEntry.stepMs());
        r.put("unet_effective_gflops", spec.stepFlops() / (ms * 1e-3) * 1e-9);
        r.put("unet_step_ms_min", oursEntry.minMs());
        if (timed != null) {
            // Where a step's time goes: kernel wall time per step (mean over the timed steps), the rest outside
            // (the tape, allocation and zero-filling, host copies).
            double[] k = timed.millis();
            double meanStep = oursEntry.stepMs().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("conv_fwd_ms", k[1] / o.steps());
            split.put("conv_bwd_data_ms", k[2] / o.steps());
            split.put("conv_bwd_weight_ms", k[3] / o.steps());
            split.put("gemm_ms", k[0] / o.steps());
            split.put("tensor_ops_ms", k[4] / o.steps());
            split.put("outside_kernels_ms", meanStep - (k[0] + k[1] + k[2] + k[3] + k[4]) / o.steps());
            split.put("mean_step_ms", meanStep);
            r.put("unet_step_split", split);
            Double peak = Backends.getDefault() instanceof CpuBackend ? (Double) r.get("fma_peak_gflops") : null;
            List<Map<String, Object>> shapes = ConvShapeTable.rows(timed.convShapes(), o.steps(), peak);
            r.put("unet_conv_shapes", shapes);
            r.put("unet_conv_weakest", ConvShapeTable.weakest(shapes));
        }
        r.put("unet_step_cpu_ms", oursEntry.medianCpuMs());
        r.put("unet_loss_first", oursEntry.firstLoss());
        r.put("unet_loss_last", oursEntry.lastLoss());
        Double bytes = oursEntry.medianAllocatedBytes();
        r.put("alloc_mb_per_step", bytes == null ? null : bytes / 1e6);
        if (bytes == null) {
            r.put("alloc_mb_per_step_reason", "this JVM cannot count allocated bytes per thread");
        }
        r.put("alloc_method", "median over timed steps of heap bytes allocated during the step, summed over all "
                + "live threads (com.sun.management.ThreadMXBean.getThreadAllocatedBytes); MB = 10^6 bytes");
        r.put("gc_ms_per_step", oursEntry.medianGcMs());

        r.put("peer", peerName);
        if (peerEntry != null && peerEntry.failure() != null) {
            peerReason = "peer: " + peerName + " failed: " + peerEntry.failure();
        }
        Double peerMs = peerReason == null ? peerEntry.medianMs() : null;
        r.put("peer_unet_step_ms", peerMs);
        if (peerMs == null) {
            r.put("peer_unet_step_ms_reason", peerReason);
        } else {
            r.put("peer_unet_step_ms_runs", peerEntry.stepMs());
            r.put("peer_effective_gflops", spec.stepFlops() / (peerMs * 1e-3) * 1e-9);
            r.put("peer_unet_step_ms_min", peerEntry.minMs());
            r.put("peer_unet_step_cpu_ms", peerEntry.medianCpuMs());
            r.put("peer_loss_first", peerEntry.firstLoss());
            r.put("peer_loss_last", peerEntry.lastLoss());
        }
        if (peerMs != null && !(Float.isFinite(peerEntry.firstLoss()) && Float.isFinite(peerEntry.lastLoss()))) {
            r.put("peer_warning", "the peer's loss is not finite (" + peerEntry.lastLoss() + "): its timing may not "
                    + "reflect real training");
        }
        r.put("ratio", peerMs == null ? null : ms / peerMs);
        if (peerMs == null) {
            r.put("ratio_reason", "no peer figure: " + peerReason);
        } else {
            // Load-robust companions of the ratio of medians: fastest step against fastest step, and CPU time.
            r.put("ratio_of_fastest", oursEntry.minMs() / peerEntry.minMs());
            Double oursCpu = oursEntry.medianCpuMs();
            Double peerCpu = peerEntry.medianCpuMs();
            r.put("cpu_time_ratio", oursCpu == null || peerCpu == null || peerCpu == 0 ? null : oursCpu / peerCpu);
        }
    }

    private static String last(StepTimer.Entry e) {
        return e.lastMs() == null ? "-" : String.format(Locale.ROOT, "%.0f ms", e.lastMs());
    }

    /** The targets and whether this run met them (null where the figure is missing). */
    private static Map<String, Object> targets(Map<String, Object> r) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("ratio_at_most_1", le(r.get("ratio"), 1.0));
        t.put("ratio_goal_0_7", le(r.get("ratio"), 0.7));
        t.put("conv_fwd_60pct_of_peak", ge(r.get("conv_fwd_share_of_peak"), 0.60));
        t.put("conv_bwd_45pct_of_peak", ge(r.get("conv_bwd_share_of_peak"), 0.45));
        t.put("alloc_under_10_mb", r.get("alloc_mb_per_step") == null ? null : (Double) r.get("alloc_mb_per_step") < 10);
        return t;
    }

    private static Boolean le(Object v, double bound) {
        return v == null ? null : ((Number) v).doubleValue() <= bound;
    }

    private static Boolean ge(Object v, double bound) {
        return v == null ? null : ((Number) v).doubleValue() >= bound;
    }

    static void say(PrintWriter progress, String format, Object... args) {
        if (progress == null) return;
        progress.printf(Locale.ROOT, "bench: " + format + "%n", args);
        progress.flush();
    }
}
