package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.paper.Fig3;
import org.regionwise.experiments.study.TrialSpec;
import org.regionwise.experiments.train.ComputeBackends;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.TrainingDataLoader;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.losses.LossRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise paper fig3}: the paper's Fig. 3 ({@link Fig3}): trains RW-Boundary and RRW models (a
 * study of resumable trials in {@code --out}) and maps, at chosen epochs, how many components of the RW
 * gradient are negative per validation pixel.
 */
@Command(name = "fig3", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fig. 3: train RW-loss models (default: RW-Boundary and, as the contrast, RRW; 2 runs each) and, at "
                + "three epochs, count the negative components of the RW logit gradient per validation pixel: PNG panels "
                + "(fig3-<loss>.png), the share of pixels with >= 2 negatives (fig3-neg2plus.png), a CSV beside each, "
                + "fig3.txt, and one line per loss, run and epoch. A study: rerun the same command to resume or reread it.",
                "Default run: " + PaperFig3Command.MEASURED + ".",
                "--paper: the paper's settings (lr 1e-4, nnU-Net's 5 levels from 32 filters, 300 epochs as its ACDC17 runs, "
                        + "2 runs); the paper does not give Fig. 3's time points: 1,100,300 here. Days on a CPU."})
final class PaperFig3Command implements Callable<Integer> {
    /** The measured wall time of the default run, for --help (see the README). */
    static final String MEASURED = "measurement pending";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR|default", defaultValue = DataSpec.DEFAULT,
            description = "An nnU-Net raw folder or 'default' (Colin27 + AAL from mricron-data, or a phantom) (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The study's folder: trials, figures, CSV (created).")
    Path out;

    @Option(names = "--losses", paramLabel = "A,B", split = ",", description = "RW losses to train and analyse (default: rw-boundary,rrw).")
    List<String> losses;

    @Option(names = {"--models", "--seeds"}, paramLabel = "N",
            description = "Independent runs per loss, seeds 0..N-1 (default: 2; --paper: 2).")
    Integer models;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs per run (default: 20; --paper: 300).")
    Integer epochs;

    @Option(names = "--at", paramLabel = "E1,E2,E3", split = ",",
            description = "The time points, epochs trained (0 = initial weights) (default: 1,5,20; --paper: 1,100,300).")
    List<Integer> at;

    @Option(names = "--parallel", paramLabel = "P", defaultValue = "1",
            description = "Trials at a time, sharing --threads (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads in all (default: all processors).")
    Integer threads;

    @Option(names = "--lr", paramLabel = "LR", description = "Adam's initial learning rate (default: 1e-3; --paper: 1e-4).")
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

    @Option(names = "--scale", paramLabel = "S", description = "Default data set only: in-plane downsampling 1, 2, 3, 4, 6 or 8 "
            + "(default: 2; --paper: 1).")
    Integer scale;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "nnU-Net folders only: share of cases held out for validation (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--paper", description = "The paper's settings for every option not given (see above).")
    boolean paper;

    @Override
    public Integer call() throws IOException {
        int e = or(epochs, 20, 300);
        List<String> lossNames = losses != null ? losses : List.of("rw-boundary", "rrw");
        SortedSet<Integer> times = new TreeSet<>(at != null ? at : paper ? List.of(1, 100, 300) : List.of(1, 5, 20));
        if (at != null && times.size() != at.size()) throw usage("--at lists an epoch twice: " + at);
        if (at == null && epochs != null) times = defaultTimes(e); // the defaults follow --epochs
        int s = or(scale, 2, 1);
        int lv = or(levels, 4, 5), bf = or(baseFilters, 16, UNet2dConfig.NNUNET_BASE_FILTERS), b = or(batch, 4, 8), m = or(models, 2, 2);
        double learningRate = lr != null ? lr : paper ? 1e-4 : 1e-3;
        check(e, lossNames, times, s, lv, bf, b, m, learningRate);
        if (!DataSpec.DEFAULT.equals(data) && !Files.isDirectory(Path.of(data))) {
            throw usage("--data: " + data + " is not a folder (an nnU-Net raw folder, or 'default')");
        }
        String location = DataSpec.DEFAULT.equals(data) ? data : Path.of(data).toAbsolutePath().normalize().toString();
        int threadCount = ComputeBackends.threads(threads);
        TrainingData dataset = TrainingDataLoader.load(location, DataSpec.DEFAULT.equals(data) ? s : 1, validationFraction);
        PrintWriter stdout = spec.commandLine().getOut();
        if (dataset.source().hasWarning()) spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + dataset.source().warning());
        TrialSpec template = new TrialSpec(location, DataSpec.DEFAULT.equals(data) ? s : 1, validationFraction, "rrw", 0, e,
                stepsPerEpoch, b, learningRate, lv, bf, 0, true, "");
        Fig3.Plan plan = new Fig3.Plan(template, lossNames, m, times, parallel, threadCount);
        Fig3.Result result = Fig3.run(plan, out, dataset, stdout);
        result.lines().forEach(stdout::println);
        stdout.println("wrote " + String.join(", ", result.files().stream().map(Path::toString).toList()));
        return Main.OK;
    }

    /** 1, a quarter and all of {@code epochs} (fewer when they coincide). */
    static SortedSet<Integer> defaultTimes(int epochs) {
        return new TreeSet<>(List.of(1, Math.max(1, epochs / 4), epochs));
    }

    private int or(Integer given, int standard, int paperValue) {
        return given != null ? given : paper ? paperValue : standard;
    }

    private void check(int e, List<String> lossNames, SortedSet<Integer> times, int s, int lv, int bf, int b, int m, double learningRate) {
        if (e < 1) throw usage("--epochs must be at least 1, got " + e);
        for (String loss : lossNames) {
            try {
                LossRegistry.create(loss);
            } catch (IllegalArgumentException ex) {
                throw usage("--losses: " + ex.getMessage());
            }
        }
        if (lossNames.isEmpty()) throw usage("--losses names no loss");
        if (times.first() < 0 || times.last() > e) throw usage("--at: time points must be epochs in 0.." + e + ", got " + times);
        if (m < 1) throw usage("--models must be at least 1, got " + m);
        if (parallel < 1) throw usage("--parallel must be at least 1, got " + parallel);
        if (threads != null && threads < 1) throw usage("--threads must be at least 1, got " + threads);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw usage("--lr must be positive, got " + learningRate);
        if (b < 1) throw usage("--batch must be at least 1, got " + b);
        if (stepsPerEpoch < 0) throw usage("--steps-per-epoch must be >= 0, got " + stepsPerEpoch);
        if (lv < 2 || lv > 8) throw usage("--levels must be in 2..8, got " + lv);
        if (bf < 1 || bf > UNet2dConfig.NNUNET_MAX_FILTERS_2D) throw usage("--base-filters must be in 1..480, got " + bf);
        if (!(validationFraction >= 0 && validationFraction < 1)) throw usage("--validation-fraction must be in [0, 1), got " + validationFraction);
        if (scale != null && !DataSpec.DEFAULT.equals(data)) throw usage("--scale applies to --data default only");
        try {
            DefaultDataset.checkScale(s);
        } catch (IllegalArgumentException ex) {
            throw usage("--" + ex.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) throw usage("--out: " + out + " exists and is not a folder");
        try {
            new Fig3.Plan(new TrialSpec("default", 1, 0.2, "rrw", 0, e, 0, 1, 1e-3, 2, 1, 0, true, ""), lossNames, m, times, 1, 1);
        } catch (IllegalArgumentException ex) {
            throw usage("--losses/--at: " + ex.getMessage());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
