package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.paper.PaperEnvironment;
import org.regionwise.experiments.study.StudyConflictException;
import org.regionwise.experiments.study.StudyEngine;
import org.regionwise.experiments.study.StudyPlan;
import org.regionwise.experiments.study.StudySettings;
import org.regionwise.experiments.study.TrialEnvironment;
import org.regionwise.experiments.train.ComputeBackends;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.TrainingDataLoader;
import org.regionwise.losses.LossRegistry;
import org.regionwise.layers.UNet2dConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every study command of {@code regionwise paper} shares, with the same meaning everywhere; the
 * network and training options are {@code train}'s. Left unset, an option takes the command's default, or with
 * {@code --paper} the paper's setting ({@link Defaults}).
 */
final class StudyOptions {
    /** A command's defaults: short enough for a 2-core machine, and the paper's. */
    record Defaults(String command, List<String> losses, int runs, int epochs, int paperRuns, int paperEpochs, String runsOption) {}

    // Network and training defaults: the demo's (10-20 minutes per command on 2 cores), and the paper's.
    static final int SCALE = 2, LEVELS = 4, BASE_FILTERS = 16, BATCH = 4;
    static final double LR = 1e-3;
    static final int PAPER_SCALE = 1, PAPER_LEVELS = 5, PAPER_BASE_FILTERS = UNet2dConfig.NNUNET_BASE_FILTERS, PAPER_BATCH = 8;
    static final double PAPER_LR = 1e-4;

    @Option(names = "--data", paramLabel = "DIR|default", defaultValue = DataSpec.DEFAULT,
            description = "An nnU-Net raw folder (dataset.json, imagesTr/, labelsTr/) or 'default' (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The study folder: study.json, trials/<id>/ (checkpoints, results), tables and figures. Rerunning skips "
                    + "finished trials and resumes interrupted ones; a folder of another configuration is refused.")
    Path out;

    @Option(names = "--paper", description = "The paper's settings for whatever is not given: lr 1e-4, its epochs and number of runs, "
            + "nnU-Net's 5 levels from 32 filters, batch 8, full resolution (hours to days on a CPU).")
    boolean paper;

    @Option(names = "--losses", paramLabel = "A,B", split = ",", description = "Loss names to train (see 'regionwise losses').")
    List<String> losses;

    @Option(names = "--seeds", paramLabel = "N", description = "Runs per loss of the table, seeds 0..N-1, averaged (paper: 3).")
    Integer seeds;

    @Option(names = "--models", paramLabel = "N", description = "Models per configuration of fig5 and fig6, seeds 0..N-1 (paper: 50).")
    Integer models;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs per trial.")
    Integer epochs;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1",
            description = "Trials at a time; the threads are split between them (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads in all (default: all processors).")
    Integer threads;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = ComputeBackends.CPU,
            description = "Where the trials compute: cpu, or tornado (the GPU backend; needs TornadoVM): with --parallel P the "
                    + "trials spread over the GPUs round robin; tornado:N puts them all on device N. On --engine spark a task "
                    + "given a 'gpu' resource runs on that device (docs/cluster.md) (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam's initial learning rate, poly-decayed (default: 1e-3; --paper: 1e-4).")
    Double lr;

    @Option(names = "--batch", paramLabel = "B", description = "Slices per step (default: 4; --paper: 8).")
    Integer batch;

    @Option(names = "--steps-per-epoch", paramLabel = "N", defaultValue = "0",
            description = "Optimiser steps per epoch; 0: one pass over the training slices (default: ${DEFAULT-VALUE}).")
    int stepsPerEpoch;

    @Option(names = "--levels", paramLabel = "L", description = "U-Net levels (default: 4; --paper: 5).")
    Integer levels;

    @Option(names = "--base-filters", paramLabel = "F", description = "Filters of the first level (default: 16; --paper: 32).")
    Integer baseFilters;

    @Option(names = "--scale", paramLabel = "S", description = "Default data only: in-plane downsampling 1, 2, 3, 4, 6 or 8 "
            + "(default: 2; --paper: 1).")
    Integer scale;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "nnU-Net folders only: share of cases held out for validation (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    /**
     * The plan for one command, every value checked (usage errors name the option).
     *
     * @param folder the study folder (--out, or a part of it for {@code paper all})
     */
    StudyPlan plan(CommandSpec spec, Defaults d, Path folder, boolean both) {
        if (!both) {
            if ("seeds".equals(d.runsOption()) && models != null) throw usage(spec, "--models is for fig5 and fig6; the table takes --seeds");
            if ("models".equals(d.runsOption()) && seeds != null) throw usage(spec, "--seeds is for the table; " + d.command() + " takes --models");
        }
        Integer given = "seeds".equals(d.runsOption()) ? seeds : models;
        int runs = pick(given, d.paperRuns(), d.runs());
        if (runs < 1) throw usage(spec, "--" + d.runsOption() + " must be at least 1, got " + runs);
        int e = pick(epochs, d.paperEpochs(), d.epochs());
        if (e < 1) throw usage(spec, "--epochs must be at least 1, got " + e);
        List<String> names = losses != null ? losses : d.losses();
        names = checkLosses(spec, names);
        double rate = pick(lr, PAPER_LR, LR);
        if (!(rate > 0) || Double.isInfinite(rate)) throw usage(spec, "--lr must be positive, got " + rate);
        int b = pick(batch, PAPER_BATCH, BATCH);
        if (b < 1) throw usage(spec, "--batch must be at least 1, got " + b);
        if (stepsPerEpoch < 0) throw usage(spec, "--steps-per-epoch must be >= 0, got " + stepsPerEpoch);
        int l = pick(levels, PAPER_LEVELS, LEVELS);
        if (l < 2 || l > 8) throw usage(spec, "--levels must be in 2..8, got " + l);
        int f = pick(baseFilters, PAPER_BASE_FILTERS, BASE_FILTERS);
        if (f < 1 || f > UNet2dConfig.NNUNET_MAX_FILTERS_2D) throw usage(spec, "--base-filters must be in 1..480, got " + f);
        boolean isDefault = DataSpec.DEFAULT.equals(data);
        if (!isDefault && scale != null && scale != 1) throw usage(spec, "--scale applies to --data default only");
        int s = !isDefault ? 1 : pick(scale, PAPER_SCALE, SCALE);
        try {
            DefaultDataset.checkScale(s);
        } catch (IllegalArgumentException ex) {
            throw usage(spec, "--" + ex.getMessage());
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw usage(spec, "--validation-fraction must be in (0, 1): a study needs validation cases, got " + validationFraction);
        }
        if (parallel < 1) throw usage(spec, "--parallel must be at least 1, got " + parallel);
        if (threads != null && threads < 1) throw usage(spec, "--threads must be at least 1, got " + threads);
        OptionRanges.backend(spec, backend);
        String location = isDefault ? data : Path.of(data).toAbsolutePath().normalize().toString();
        StudySettings settings = new StudySettings(location, s, isDefault ? 0.2 : validationFraction, e, stepsPerEpoch, b, rate, l, f);
        return new StudyPlan(settings, names, runs, parallel, ComputeBackends.threads(threads), folder,
                org.regionwise.gpu.BackendName.parse(backend).toString());
    }

    /** The option's value if given, else the paper's setting with --paper, else the command's default. */
    private <T> T pick(T given, T paperValue, T defaultValue) {
        return given != null ? given : paper ? paperValue : defaultValue;
    }

    /** Known, distinct loss names. */
    private static List<String> checkLosses(CommandSpec spec, List<String> names) {
        List<String> out = new ArrayList<>(new LinkedHashSet<>(names));
        if (out.isEmpty()) throw usage(spec, "--losses needs at least one loss name");
        if (out.size() != names.size()) throw usage(spec, "--losses names a loss twice: " + OneLine.visible(String.join(",", names)));
        for (String n : out) {
            if (!LossRegistry.names().contains(n)) {
                throw usage(spec, "--losses: unknown loss '" + OneLine.visible(n) + "'; 'regionwise losses' lists them");
            }
        }
        return out;
    }

    /**
     * Loads the plan's data set once (checking it has training and validation slices) into a new trial environment,
     * installs the process-wide CPU backend, and prints the data set's warning if any.
     */
    static TrialEnvironment environment(StudyPlan plan, CommandSpec spec) throws IOException {
        ComputeBackends.install(ComputeBackends.CPU, plan.threads());
        var s = plan.settings();
        TrainingData data = TrainingDataLoader.load(s.data(), s.scale(), s.validationFraction());
        if (data.train().isEmpty()) throw new IllegalArgumentException(OneLine.visible(s.data()) + ": the data set has no training slices");
        if (data.validation().isEmpty()) throw new IllegalArgumentException(OneLine.visible(s.data()) + ": the data set has no validation slices");
        PrintWriter err = spec.commandLine().getErr();
        if (data.source().hasWarning()) err.println(spec.qualifiedName() + ": warning: " + data.source().warning());
        TrialEnvironment env = PaperEnvironment.create(); // with Fig. 3's observers, on any engine
        env.put(s.spec(plan.losses().get(0), 0, 1, ""), data);
        // A trial of the default settings takes minutes (the paper's, hours): one line per epoch shows it is alive.
        PrintWriter out = spec.commandLine().getOut();
        env.onEpoch((trial, record, epochs) -> {
            synchronized (out) {
                out.printf(java.util.Locale.ROOT, "  %s epoch %d/%d: loss %.4f%s (%.1f s)%n", trial.id(), record.epoch() + 1, epochs,
                        record.meanLoss(), record.validated() ? String.format(java.util.Locale.ROOT, ", validation Dice %.4f",
                                record.meanForegroundDice()) : "", record.seconds() + record.validationSeconds());
                out.flush();
            }
        });
        return env;
    }

    /** One study of {@code PaperStudies} (the table, fig5, fig6): its plan, its environment, its engine and stdout in. */
    @FunctionalInterface
    interface Study {
        Object run(StudyPlan plan, TrialEnvironment env, StudyEngine engine, PrintWriter out) throws IOException;
    }

    /**
     * What the table, fig5 and fig6 commands do: plan {@code d}'s study in --out, load its data and run it, a
     * study folder of another configuration being a usage error.
     */
    int run(CommandSpec spec, Defaults d, StudyEngine engine, Study study) throws IOException {
        StudyPlan plan = plan(spec, d, out, false);
        refusingToMix(spec, plan.out(), () -> study.run(plan, environment(plan, spec), engine, spec.commandLine().getOut()));
        return Main.OK;
    }

    /** A step that opens a study folder. */
    @FunctionalInterface
    interface StudyStep<T> {
        T run() throws IOException;
    }

    /** Runs {@code step}, turning a study folder of another configuration into a usage error (the --out choice). */
    static <T> T refusingToMix(CommandSpec spec, Path out, StudyStep<T> step) throws IOException {
        // One writer per study folder, as for every command that writes; taking the lock also clears the
        // atomic writer's temporaries that a killed run left in it (each trial clears its own folder).
        try (OutputLock lock = OutputTargets.folder(spec, out)) {
            return step.run();
        } catch (StudyConflictException e) {
            throw usage(spec, "--out: " + e.getMessage());
        }
    }

    private static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
