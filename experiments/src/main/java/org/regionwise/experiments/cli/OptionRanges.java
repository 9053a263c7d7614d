package org.regionwise.experiments.cli;

import java.util.List;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.train.ComputeBackends;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The allowed ranges of the options several commands share, checked before anything runs: a value out
 * of range is a usage error (exit 2) naming the option, never an overflow, a failed thread start or an
 * allocation of gigabytes later on.
 */
final class OptionRanges {
    /** More threads than this (or than the machine's processors, if more) only cost memory and thread starts. */
    static final int MAX_THREADS = Math.max(256, Runtime.getRuntime().availableProcessors());
    /** Slices per step or forward pass; every activation of the U-Net scales with it. */
    static final int MAX_BATCH = org.regionwise.experiments.train.TrainingOptions.MAX_BATCH;
    /** A time budget longer than this (about two years) is a typo; larger values would overflow milliseconds. */
    static final double MAX_MINUTES = 1_000_000;

    private OptionRanges() {}

    /** --threads: null (all processors) or 1..{@link #MAX_THREADS}. */
    static void threads(CommandSpec spec, Integer threads) {
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw usage(spec, "--threads must be in 1.." + MAX_THREADS + ", got " + threads);
        }
    }

    /** --batch: 1..{@value #MAX_BATCH}. */
    static void batch(CommandSpec spec, int batch) {
        if (batch < 1 || batch > MAX_BATCH) throw usage(spec, "--batch must be in 1.." + MAX_BATCH + ", got " + batch);
    }

    /** --minutes: null or a positive finite number up to {@value #MAX_MINUTES}. */
    static void minutes(CommandSpec spec, Double minutes) {
        if (minutes == null) return;
        if (!(minutes > 0)) throw usage(spec, "--minutes must be positive, got " + minutes);
        if (!(minutes <= MAX_MINUTES)) throw usage(spec, "--minutes must be at most " + (long) MAX_MINUTES + ", got " + minutes);
    }

    /** --backend: one of {@link ComputeBackends#names()}, a device backend optionally with a device index ({@code tornado:1}). */
    static void backend(CommandSpec spec, String backend) {
        List<String> names = ComputeBackends.names();
        String key = backend == null ? "" : backend.trim().toLowerCase(java.util.Locale.ROOT);
        if (backend == null || !names.contains(key.contains(":") ? key.substring(0, key.indexOf(':')) : key)) {
            throw usage(spec, "--backend must be one of " + String.join(", ", names) + " (tornado:N: TornadoVM's device N), got '"
                    + OneLine.visible(backend) + "'");
        }
        try {
            org.regionwise.gpu.BackendName.parse(backend);
        } catch (IllegalArgumentException e) {
            throw usage(spec, "--" + e.getMessage());
        }
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
