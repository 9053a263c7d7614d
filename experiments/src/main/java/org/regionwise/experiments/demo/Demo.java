package org.regionwise.experiments.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.NnUnetRawDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.eval.ClassStatus;
import org.regionwise.experiments.report.Report;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.maps.MapOptions;
import org.regionwise.experiments.eval.Evaluation;
import org.regionwise.experiments.eval.ResultsTable;
import org.regionwise.experiments.progress.Progress;
import org.regionwise.experiments.progress.ProgressText;
import org.regionwise.experiments.train.NeverPredicted;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.train.CheckpointOrigin;
import org.regionwise.experiments.train.DataFingerprint;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.StopReason;
import org.regionwise.experiments.train.Trainer;
import org.regionwise.experiments.train.TrainingDataLoader;
import org.regionwise.experiments.train.TrainingOptions;
import org.regionwise.experiments.train.TrainingResult;
import org.regionwise.experiments.train.TrainingSetup;

/**
 * The main job, {@code regionwise demo}: train a U-Net with the RRW loss on the default data set (left
 * hemisphere) for a few minutes, validate on the held-out right hemisphere, print a per-class table and
 * write a run folder with the checkpoint, history, metrics, pictures and {@code report.md}.
 *
 * <p>The epoch count is fixed per mode ({@link DemoPlan}), so the weights do not depend on the machine's
 * speed; the clock is a safety stop only. The equivalent {@code regionwise train} command is printed and
 * reproduces the run's weights exactly (the demo itself is a {@code train} run with those settings), and a
 * run cut short by the safety stop can be continued with {@code regionwise train --resume --out DIR}.
 *
 * @param plan    epochs, validation interval and safety stop
 * @param out     the run folder
 * @param seed    the training seed
 * @param threads CPU threads (recorded in the report; the backend is installed by the caller)
 */
public record Demo(DemoPlan plan, Path out, long seed, int threads) {

    /** What a demo's checkpoint records as the command that wrote it. */
    static final String COMMAND = "demo";

    /**
     * Runs the demo; returns the process exit code (0, or 1 when training diverged). The caller holds
     * the folder's lock.
     *
     * @throws IOException also when the folder holds another run's checkpoint or history ({@link #checkFolder})
     */
    public int run(PrintWriter stdout, PrintWriter stderr) throws IOException {
        checkFolder(out);
        long t0 = System.nanoTime();
        Report.Builder report = Report.builder("regionwise demo: a 2D U-Net trained with the RRW loss");

        TrainingData dataset = DefaultDataset.load(DemoPlan.SCALE);
        String warning = dataset.source().warning();
        if (!warning.isEmpty()) stderr.println("regionwise demo: warning: " + warning);
        stdout.print(dataset.describe());
        UNet2dConfig network = DemoPlan.network(dataset.channels(), dataset.classCount());
        DataSpec data = TrainingDataLoader.describe(dataset, DataSpec.DEFAULT, DemoPlan.SCALE,
                NnUnetRawDataset.DEFAULT_VALIDATION_FRACTION, network);
        MapOptions mapOptions = MapOptions.defaults().withThreads(threads);
        long loaded = System.nanoTime();
        report.timing("loading the data", Duration.ofNanos(loaded - t0));

        Path checkpoint = out.resolve("checkpoint.npz");
        Files.deleteIfExists(checkpoint); // a demo always starts afresh (checkFolder made sure this one is a demo's)
        Files.deleteIfExists(out.resolve("checkpoint_best.npz"));
        DemoProgress progress = new DemoProgress(Progress.forConsole(stdout));
        TrainingOptions options = plan.options(seed);
        TrainingSetup setup = TrainingSetup.builder(network, options, data, dataset.train(), dataset.validation(), checkpoint)
                .progress(progress).mapOptions(mapOptions)
                .origin(new CheckpointOrigin(COMMAND, DataFingerprint.of(dataset.source()))).build();
        Trainer trainer = Trainer.start(setup);
        int stepsPerEpoch = trainer.stepsPerEpoch();
        progress.planned(plan.epochs());
        stdout.printf(Locale.ROOT, "plan: %d epochs of %d steps (batch %d), validation every %d; safety stop after %s of training%n",
                plan.epochs(), stepsPerEpoch, DemoPlan.BATCH, plan.validateEvery(),
                ProgressText.duration(plan.safetyStop().toSeconds()));
        stdout.println("the same run: " + equivalentCommand(options));
        TrainingResult result = trainer.run();
        long trained = System.nanoTime();
        String epochs = epochsTrained(result, options);
        report.timing("training (" + epochs + ")", Duration.ofNanos(trained - loaded));
        if (result.reason() == StopReason.NON_FINITE_LOSS) {
            stderr.println("regionwise demo: error: " + OneLine.visible(result.message())); // it names --out
            return 1;
        }
        String continueHint = "";
        if (result.reason() == StopReason.TIME_BUDGET) {
            continueHint = "the safety stop ended training after " + epochs + "; evaluating that model. To train on: "
                    + continueCommand();
            stderr.println("regionwise demo: warning: " + OneLine.visible(continueHint)); // it holds --out as typed
        }

        Evaluation evaluation = Evaluation.run(trainer.model(), dataset.validation(), DemoPlan.BATCH);
        evaluation.writeJson(out.resolve("metrics.json"));
        evaluation.writeCsv(out.resolve("metrics.csv"), dataset.classNames());
        long evaluated = System.nanoTime();
        report.timing("evaluation (3D metrics on the validation hemisphere)", Duration.ofNanos(evaluated - trained));
        stdout.printf(Locale.ROOT, "%nvalidation (%s, held out): per-class Dice and HD95 pooled (mm, MedPy's hd95)%n",
                String.join(", ", evaluation.metrics().keySet()));
        stdout.print(ResultsTable.format(evaluation.summary(), dataset.classNames()));

        nativeResolution(trainer, data, stdout, report);
        long nativeDone = System.nanoTime();

        String missed = Demo.missedClasses(evaluation, dataset.classNames());
        if (!missed.isEmpty()) stdout.println("note: " + missed);

        report.dataset(markdown(dataset.describe()))
                .classNames(dataset.classNames())
                .setting("loss", options.lossName() + " (with deep supervision)")
                .setting("network", String.format(Locale.ROOT, "2D U-Net, %d levels, %d base filters, %,d parameters",
                        network.levels(), network.baseFilters(), trainer.model().parameterCount()))
                .setting("epochs", epochs + ", " + stepsPerEpoch + " steps each (fixed for --quick / the full demo)")
                .setting("batch", options.batchSize())
                .setting("optimiser", "Adam, lr " + options.learningRate() + " with poly decay (1 - e/E)^0.9, weight decay "
                        + options.weightDecay())
                .setting("seed", options.seed())
                .setting("threads", threads)
                .setting("safety stop", ProgressText.duration(plan.safetyStop().toSeconds()) + " of training")
                .setting("reproduce", "`" + equivalentCommand(options) + "`");
        evaluation.metrics().forEach(report::evaluated);
        DemoReport.notes(result, warning).forEach(report::note);
        if (!missed.isEmpty()) report.note(missed);
        if (!continueHint.isEmpty()) report.note(continueHint);
        DemoReport.drawFigures(out, report, result.history(), evaluation, dataset.classNames());
        report.timing("figures", Duration.ofNanos(System.nanoTime() - nativeDone));
        Path written = DemoReport.write(out, report.build());
        stdout.printf(Locale.ROOT, "wrote %s (checkpoint.npz, history.csv, metrics.json/.csv, PNG figures) in %s total%n",
                written, ProgressText.duration((System.nanoTime() - t0) / 1e9));
        return 0;
    }

    /**
     * Scores the model on the validation hemisphere at the data's native 1 mm through {@code predict}'s path
     * ({@link NativeResolution}), prints the table, writes {@code metrics_native.json/.csv} and adds a report
     * section: the figure a user who runs {@code predict} on a 1 mm image can expect.
     */
    private void nativeResolution(Trainer trainer, DataSpec data, PrintWriter stdout, Report.Builder report) throws IOException {
        long start = System.nanoTime();
        TrainingData atOne = DefaultDataset.load(1);
        Evaluation e = NativeResolution.evaluate(trainer.model(), data, atOne.validation(), DemoPlan.BATCH);
        e.writeJson(out.resolve("metrics_native.json"));
        e.writeCsv(out.resolve("metrics_native.csv"), atOne.classNames());
        double[] s = data.spacing();
        String how = String.format(Locale.ROOT, "the same hemisphere at 1 mm with its own labels, through predict's path: each slice"
                + " resampled to the training spacing (%sx%s mm, cubic), Gaussian sliding windows of the %dx%d training patch,"
                + " probabilities back to 1 mm (linear), argmax", mm(s[1]), mm(s[0]), data.patchWidth(), data.patchHeight());
        String table = ResultsTable.format(e.summary(), atOne.classNames());
        stdout.printf(Locale.ROOT, "%nvalidation at native resolution (%s):%n", how);
        stdout.print(table);
        report.section("Results at native resolution (1 mm)", "Validation hemisphere at the data's native 1 mm: " + how
                + ". Per-class Dice and HD95 (mm, pooled), as `predict` gives on a 1 mm image (`metrics_native.json`, "
                + "`metrics_native.csv`):\n\n```\n" + table + "```\n");
        report.timing("evaluation at native 1 mm (predict's path)", Duration.ofNanos(System.nanoTime() - start));
    }

    private static String mm(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * A demo starts afresh, replacing the checkpoint and history of an earlier demo in {@code folder}; the
     * files of any other run (a {@code train} run, or a checkpoint that does not say) are refused, never
     * deleted.
     */
    static void checkFolder(Path folder) throws IOException {
        Path checkpoint = folder.resolve("checkpoint.npz");
        Path history = folder.resolve("history.csv");
        String owner;
        if (Files.exists(checkpoint)) {
            CheckpointOrigin origin;
            try {
                origin = CheckpointFile.read(checkpoint).origin();
            } catch (IOException e) {
                throw new IOException(OneLine.visible(checkpoint) + " is not a readable demo checkpoint; the demo would replace it: choose another"
                        + " --out or move it away", e);
            }
            if (origin != null && COMMAND.equals(origin.command())) return;
            owner = origin == null ? "a run that does not record its command" : "a '" + OneLine.visible(origin.command()) + "' run";
        } else if (Files.exists(history)) {
            owner = "another run";
        } else {
            return;
        }
        throw new IOException(OneLine.visible(folder) + " holds the checkpoint or history of " + owner + "; the demo would replace it: choose"
                + " another --out or move them away");
    }

    /** A remark on foreground classes the model never predicts ({@link NeverPredicted}), or "". */
    static String missedClasses(Evaluation evaluation, List<String> classNames) {
        List<String> missed = new ArrayList<>();
        for (var s : evaluation.summary()) {
            if (s.classIndex() > 0 && s.statuses().getOrDefault(ClassStatus.PREDICTION_EMPTY, 0) == s.volumes()) {
                missed.add(classNames.get(s.classIndex()));
            }
        }
        return NeverPredicted.sentence(missed);
    }

    /** "30 epochs", or "12 of 30 epochs" when training stopped early: the one wording stdout and the report use. */
    static String epochsTrained(TrainingResult result, TrainingOptions options) {
        int done = result.history().size();
        return done == options.epochs() ? done + " epochs" : done + " of " + options.epochs() + " epochs";
    }

    /** The command that continues this demo's run from its checkpoint. */
    String continueCommand() {
        return "./regionwise train --resume --out " + out;
    }

    /** The {@code regionwise train} command that trains the same weights. */
    private String equivalentCommand(TrainingOptions o) {
        return String.format(Locale.ROOT, "./regionwise train --data default --scale %d --levels %d --base-filters %d --loss %s"
                        + " --epochs %d --batch %d --lr %s --validate-every %d --seed %d --out %s", DemoPlan.SCALE, DemoPlan.LEVELS,
                DemoPlan.BASE_FILTERS, o.lossName(), o.epochs(), o.batchSize(), o.learningRate(), o.validateEvery(), o.seed(),
                out.resolve("train"));
    }

    private static String markdown(String describe) {
        StringBuilder md = new StringBuilder();
        for (String line : describe.strip().split("\n")) md.append("- ").append(line.strip()).append('\n');
        return md.toString();
    }
}
