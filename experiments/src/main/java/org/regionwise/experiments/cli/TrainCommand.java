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
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.SplitCoverage;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.train.CheckpointOrigin;
import org.regionwise.experiments.train.DataFingerprint;
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
import org.regionwise.maps.MapOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    DataOptions data;

    @Option(names = "--fold", paramLabel = "K",
            description = "Train on fold K (0-4) of the folder's splits_final.json, nnU-Net's folds; the file is written on"
                    + " first use and reused after. Replaces --validation-fraction.")
    Integer fold;

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

    @Mixin
    BackendOptions backend;

    @Option(names = "--allow-changed-data",
            description = "With --resume: continue even though the data set's files changed since the checkpoint was written "
                    + "(by default a changed data set is refused; the checkpoint records the files' names, sizes and hashes).")
    boolean allowChangedData;

    /** Options that a resumed run takes from its checkpoint and so may not be given again. */
    private static final List<String> RUN_DEFINING = List.of("--data", "--scale", "--spacing", "--validation-fraction", "--fold", "--loss", "--epochs",
            "--steps-per-epoch", "--batch", "--lr", "--seed", "--levels", "--base-filters", "--validate-every", "--no-augment");

    @Override
    public Integer call() throws IOException {
        backend.validate(spec);
        OptionRanges.minutes(spec, minutes);
        if (allowChangedData && !resume) throw usage("--allow-changed-data applies only with --resume");
        TrainingOptions fresh = resume ? null : newRunOptions();
        try (OutputLock lock = OutputTargets.folder(spec, out)) { // no second writer from here on
            return train(fresh);
        }
    }

    private int train(TrainingOptions fresh) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Path checkpointFile = out.resolve(CHECKPOINT);
        Checkpoint previous = resume ? previousRun(checkpointFile) : null;
        if (previous == null && Files.exists(checkpointFile)) {
            throw usage(OneLine.visible(checkpointFile) + " exists: pass --resume to continue that run, or choose another --out");
        }
        TrainingOptions options = withBudget(previous != null ? previous.options() : fresh);
        if (previous != null && previous.finished()) {
            stdout.println("the run in " + out + " has finished all " + previous.options().epochs() + " epochs; nothing to resume");
            return Main.OK;
        }
        int threadCount = backend.threadCount();
        var installed = backend.install();

        DataSpec spec0 = previous != null ? previous.data() : null;
        TrainingData dataset = previous != null ? TrainingDataLoader.load(spec0)
                : fold != null ? TrainingDataLoader.loadFold(data.location(), fold, data.targetSpacing(spec))
                : TrainingDataLoader.load(data.data, data.scale, data.validationFraction, data.targetSpacing(spec));
        // Changed data is refused before anything is said about the data: the warnings would describe the new files.
        DataFingerprint fingerprint = DataFingerprint.of(dataset.source());
        if (previous != null) checkUnchanged(previous, fingerprint, checkpointFile);
        warnAboutData(dataset);
        UNet2dConfig network = previous != null ? previous.network()
                : new UNet2dConfig(dataset.channels(), dataset.classCount(), levels, baseFilters,
                        UNet2dConfig.NNUNET_MAX_FILTERS_2D, NormType.INSTANCE, true);
        DataSpec dataSpec = previous != null ? previous.data()
                : TrainingDataLoader.describe(dataset, data.location(), data.scale, data.validationFraction,
                        fold == null ? -1 : fold, data.targetSpacing(spec), network);

        TrainingSetup setup = TrainingSetup.builder(network, options, dataSpec, dataset.train(), dataset.validation(), checkpointFile)
                .progress(Progress.forConsole(stdout))
                .mapOptions(MapOptions.defaults().withThreads(threadCount))
                .origin(new CheckpointOrigin("train", fingerprint))
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
            spec.commandLine().getErr().println(spec.qualifiedName() + ": error: " + OneLine.visible(result.message())); // names --out
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
            throw usage("--resume: there is no " + OneLine.visible(checkpointFile) + " to continue; drop --resume to start a run");
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

    /**
     * A new run's options, checked before the output folder is touched: the network's and data's options
     * here, the training options by {@link TrainingOptions} itself (one check, one wording, for every way a
     * run is made).
     */
    private TrainingOptions newRunOptions() {
        TrainingOptions options;
        try {
            options = new TrainingOptions(loss, epochs, stepsPerEpoch, batch, lr, TrainingOptions.WEIGHT_DECAY, seed, validateEvery,
                    !noAugment, null);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (levels < 2 || levels > 8) throw usage("--levels must be in 2..8, got " + levels);
        if (baseFilters < 1 || baseFilters > UNet2dConfig.NNUNET_MAX_FILTERS_2D) {
            throw usage("--base-filters must be in 1.." + UNet2dConfig.NNUNET_MAX_FILTERS_2D + ", got " + baseFilters);
        }
        data.validate(spec);
        if (fold != null) {
            if (DataSpec.DEFAULT.equals(data.data)) {
                throw usage("--fold applies to nnU-Net raw folders; the default data set splits by hemisphere");
            }
            if (fold < 0) throw usage("--fold must be >= 0, got " + fold);
            if (spec.commandLine().getParseResult().hasMatchedOption("--validation-fraction")) {
                throw usage("--fold and --validation-fraction both choose the split; give one");
            }
        }
        return options;
    }

    /** The options with this invocation's --minutes (a resumed run may get a new budget). */
    private TrainingOptions withBudget(TrainingOptions options) {
        try {
            return options.withTimeBudget(minutes == null ? null : Duration.ofMillis(Math.round(minutes * 60_000)));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * Refuses to resume on a data set whose files changed since the checkpoint, unless
     * --allow-changed-data; a checkpoint from before fingerprints gets a warning.
     */
    private void checkUnchanged(Checkpoint previous, DataFingerprint now, Path checkpointFile) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (previous.origin() == null) {
            err.println(spec.qualifiedName() + ": warning: " + OneLine.visible(checkpointFile) + " records no data fingerprint (written by an older"
                    + " version): cannot check that the data is unchanged");
            return;
        }
        List<String> changes = previous.origin().data().changesTo(now, 3);
        if (changes.isEmpty()) return;
        String what = OneLine.visible("the data set " + previous.data().location() + " changed since " + checkpointFile
                + " was written: " + String.join("; ", changes)); // paths and file names: one line whatever they hold
        if (!allowChangedData) throw new IOException(what + "; pass --allow-changed-data to resume on it anyway");
        err.println(spec.qualifiedName() + ": warning: " + what + "; resuming as --allow-changed-data asks");
    }

    private void warnAboutData(TrainingData dataset) {
        PrintWriter err = spec.commandLine().getErr();
        if (dataset.source().hasWarning()) {
            err.println(spec.qualifiedName() + ": warning: " + dataset.source().warning());
        }
        for (String line : SplitCoverage.warnings(dataset)) err.println(spec.qualifiedName() + ": " + line);
        err.flush();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
