package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.train.ComputeBackends;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.progress.Progress;
import org.regionwise.experiments.train.Trainer;
import org.regionwise.experiments.train.TrainingDataLoader;
import org.regionwise.experiments.train.TrainingOptions;
import org.regionwise.experiments.train.TrainingResult;
import org.regionwise.experiments.train.TrainingSetup;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.losses.LossRegistry;
import org.regionwise.maps.MapOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise train}: trains the nnU-Net-style 2D U-Net with a chosen loss and writes
 * {@code OUT/checkpoint.npz} after every epoch (and {@code OUT/history.csv}). {@code --resume}
 * continues the run in OUT exactly where its checkpoint stopped, with the checkpoint's settings.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train the nnU-Net-style 2D U-Net on a data set (nnU-Net raw layout, or --data default) with a chosen "
                + "loss; writes OUT/checkpoint.npz after every epoch and OUT/history.csv.")
final class TrainCommand implements Callable<Integer> {
    /** The checkpoint's name inside --out. */
    static final String CHECKPOINT = "checkpoint.npz";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR|default", defaultValue = DataSpec.DEFAULT,
            description = "An nnU-Net raw folder (dataset.json, imagesTr/, labelsTr/) or 'default' (Colin27 + AAL from "
                    + "mricron-data, or a phantom) (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "1",
            description = "Default data set only: in-plane downsampling factor 1, 2, 3, 4, 6 or 8 (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--spacing", paramLabel = "native|SX,SY", defaultValue = "native",
            description = "nnU-Net folders only: the in-plane spacing in mm to train at, columns then rows of the slices (NIfTI x, y "
                    + "for axial slices): every slice is resampled to it (images cubic, labels per class linear), recorded in the "
                    + "checkpoint, and 'predict' resamples new images to it; 'native' keeps each volume's own spacing and records "
                    + "the median (default: ${DEFAULT-VALUE}). The default data set uses --scale.")
    String spacing;

    @Option(names = "--validation-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "nnU-Net folders only: share of cases held out for validation (default: ${DEFAULT-VALUE}).")
    double validationFraction;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "rrw",
            description = "Loss name, see 'regionwise losses' (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--epochs", paramLabel = "E", defaultValue = "100", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--steps-per-epoch", paramLabel = "N", defaultValue = "0",
            description = "Optimiser steps per epoch; 0: one pass over the training slices (default: ${DEFAULT-VALUE}).")
    int stepsPerEpoch;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8", description = "Slices per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "LR", defaultValue = "1e-4",
            description = "Adam's initial learning rate, decayed as (1 - e/E)^0.9 (default: ${DEFAULT-VALUE}, the paper's).")
    double lr;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Fixes the initial weights and every batch (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--levels", paramLabel = "L", defaultValue = "5",
            description = "U-Net resolution levels, bottleneck included (default: ${DEFAULT-VALUE}).")
    int levels;

    @Option(names = "--base-filters", paramLabel = "F", defaultValue = "32",
            description = "Filters of the first level, doubled per level up to 480 (default: ${DEFAULT-VALUE}, nnU-Net's).")
    int baseFilters;

    @Option(names = "--validate-every", paramLabel = "K", defaultValue = "5",
            description = "Validate every K epochs and after the last; 0 never (default: ${DEFAULT-VALUE}).")
    int validateEvery;

    @Option(names = "--no-augment", description = "Train without random flips and rotations.")
    boolean noAugment;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for the checkpoint and history.")
    Path out;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in --out, with its settings.")
    boolean resume;

    @Option(names = "--minutes", paramLabel = "M",
            description = "Stop after M minutes of training, with a checkpoint to --resume from.")
    Double minutes;

    @Option(names = "--threads", paramLabel = "T", description = "CPU threads (default: all processors).")
    Integer threads;

    @Option(names = "--backend", paramLabel = "NAME", defaultValue = ComputeBackends.CPU,
            description = "cpu, or tornado (the GPU backend; needs TornadoVM) (default: ${DEFAULT-VALUE}).")
    String backend;

    /** Options that a resumed run takes from its checkpoint and so may not be given again. */
    private static final List<String> RUN_DEFINING = List.of("--data", "--scale", "--spacing", "--validation-fraction", "--loss", "--epochs",
            "--steps-per-epoch", "--batch", "--lr", "--seed", "--levels", "--base-filters", "--validate-every", "--no-augment");

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path checkpointFile = out.resolve(CHECKPOINT);
        Checkpoint previous = resume ? previousRun(checkpointFile) : null;
        if (previous == null) checkNewRun(checkpointFile);
        if (previous != null && previous.finished()) {
            stdout.println("the run in " + out + " has finished all " + previous.options().epochs() + " epochs; nothing to resume");
            return Main.OK;
        }
        int threadCount = ComputeBackends.threads(threads);
        var installed = ComputeBackends.install(backend, threadCount);

        DataSpec spec0 = previous != null ? previous.data() : null;
        TrainingData dataset = previous != null ? TrainingDataLoader.load(spec0)
                : TrainingDataLoader.load(data, scale, validationFraction, targetSpacing());
        warnAboutData(dataset);
        UNet2dConfig network = previous != null ? previous.network()
                : new UNet2dConfig(dataset.channels(), dataset.classCount(), levels, baseFilters,
                        UNet2dConfig.NNUNET_MAX_FILTERS_2D, NormType.INSTANCE, true);
        DataSpec dataSpec = previous != null ? previous.data()
                : TrainingDataLoader.describe(dataset, location(data), scale, validationFraction, targetSpacing(), network);
        TrainingOptions options = (previous != null ? previous.options()
                : new TrainingOptions(loss, epochs, stepsPerEpoch, batch, lr, TrainingOptions.WEIGHT_DECAY, seed, validateEvery,
                        !noAugment, null))
                .withTimeBudget(minutes == null ? null : Duration.ofMillis(Math.round(minutes * 60_000)));

        TrainingSetup setup = TrainingSetup.builder(network, options, dataSpec, dataset.train(), dataset.validation(), checkpointFile)
                .progress(Progress.forConsole(stdout))
                .mapOptions(MapOptions.defaults().withThreads(threadCount))
                .build();
        Trainer trainer = previous != null ? Trainer.resume(setup, previous) : Trainer.start(setup);
        stdout.print(dataset.describe());
        stdout.printf(Locale.ROOT, "network: %d levels, %d base filters, %,d parameters; backend %s, %d thread(s)%n",
                network.levels(), network.baseFilters(), trainer.model().parameterCount(), installed.name(), threadCount);
        stdout.printf(Locale.ROOT, "loss %s, %d epochs of %d steps, batch %d, patch %dx%d, Adam lr %s, weight decay %s, seed %d%n",
                options.lossName(), options.epochs(), trainer.stepsPerEpoch(), options.batchSize(), dataSpec.patchHeight(),
                dataSpec.patchWidth(), options.learningRate(), options.weightDecay(), options.seed());
        TrainingResult result = trainer.run();
        if (!result.ok()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": error: " + result.message());
            return Main.RUNTIME_ERROR;
        }
        EpochRecord validated = result.history().lastValidated();
        if (validated != null) {
            stdout.printf(Locale.ROOT, "last validation (epoch %d): mean foreground Dice %.4f%n", validated.epoch() + 1,
                    validated.meanForegroundDice());
        }
        return Main.OK;
    }

    /** The checkpoint to resume, after checking that no run-defining option was given again. */
    private Checkpoint previousRun(Path checkpointFile) throws IOException {
        if (!Files.exists(checkpointFile)) {
            throw usage("--resume: there is no " + checkpointFile + " to continue; drop --resume to start a run");
        }
        List<String> given = new ArrayList<>();
        for (String name : RUN_DEFINING) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) given.add(name);
        }
        if (!given.isEmpty()) {
            throw usage("--resume takes the run's settings from its checkpoint; drop " + String.join(", ", given));
        }
        return CheckpointFile.read(checkpointFile);
    }

    /** What can be checked before loading anything. */
    private void checkNewRun(Path checkpointFile) {
        if (Files.exists(checkpointFile)) {
            throw usage(checkpointFile + " exists: pass --resume to continue that run, or choose another --out");
        }
        try {
            LossRegistry.create(loss);
        } catch (IllegalArgumentException e) {
            throw usage("--loss: " + e.getMessage());
        }
        if (epochs < 1) throw usage("--epochs must be at least 1, got " + epochs);
        if (batch < 1) throw usage("--batch must be at least 1, got " + batch);
        if (stepsPerEpoch < 0) throw usage("--steps-per-epoch must be >= 0, got " + stepsPerEpoch);
        if (!(lr > 0) || Double.isInfinite(lr)) throw usage("--lr must be positive, got " + lr);
        if (levels < 2 || levels > 8) throw usage("--levels must be in 2..8, got " + levels);
        if (baseFilters < 1 || baseFilters > UNet2dConfig.NNUNET_MAX_FILTERS_2D) {
            throw usage("--base-filters must be in 1.." + UNet2dConfig.NNUNET_MAX_FILTERS_2D + ", got " + baseFilters);
        }
        if (validateEvery < 0) throw usage("--validate-every must be >= 0, got " + validateEvery);
        if (minutes != null && !(minutes > 0)) throw usage("--minutes must be positive, got " + minutes);
        if (threads != null && threads < 1) throw usage("--threads must be at least 1, got " + threads);
        if (!DataSpec.DEFAULT.equals(data) && scale != 1) throw usage("--scale applies to --data default only");
        double[] target = targetSpacing(); // parsed here so that a malformed value is a usage error before any loading
        if (DataSpec.DEFAULT.equals(data) && target != null) {
            throw usage("--spacing applies to nnU-Net folders; the default data set has --scale");
        }
        try {
            DefaultDataset.checkScale(scale);
        } catch (IllegalArgumentException e) {
            throw usage("--" + e.getMessage());
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw usage("--validation-fraction must be in [0, 1), got " + validationFraction);
        }
    }

    /**
     * {@code --spacing} as (row, column) spacing in mm, or {@code null} for 'native'.
     *
     * @throws ParameterException when it is neither 'native' nor two positive numbers
     */
    private double[] targetSpacing() {
        if (spacing.trim().equalsIgnoreCase("native")) return null;
        String[] parts = spacing.split(",");
        if (parts.length != 2) throw usage("--spacing must be 'native' or two numbers SX,SY (mm), got '" + spacing + "'");
        double[] xy = new double[2];
        for (int i = 0; i < 2; i++) {
            try {
                xy[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw usage("--spacing: '" + parts[i].trim() + "' is not a number");
            }
            if (!(xy[i] > 0) || Double.isInfinite(xy[i])) throw usage("--spacing values must be positive and finite, got '" + spacing + "'");
        }
        return new double[] {xy[1], xy[0]};
    }

    /** The data location as saved in checkpoints: a folder absolute, so evaluate and --resume work from anywhere. */
    private static String location(String data) {
        return DataSpec.DEFAULT.equals(data) ? data : Path.of(data).toAbsolutePath().normalize().toString();
    }

    private void warnAboutData(TrainingData dataset) {
        if (dataset.source().hasWarning()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + dataset.source().warning());
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
