package org.regionwise.experiments.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.NnUnetRawDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.eval.ClassStatus;
import org.regionwise.experiments.report.Report;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.maps.MapOptions;
import org.regionwise.experiments.eval.Evaluation;
import org.regionwise.experiments.eval.ResultsTable;
import org.regionwise.experiments.predict.SlicePredictor;
import org.regionwise.experiments.predict.VolumeSegmentation;
import org.regionwise.experiments.progress.Progress;
import org.regionwise.experiments.progress.ProgressText;
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
 * <p>The epoch count is fitted to the time budget from a short measurement on this machine
 * ({@link DemoCalibration}, {@link DemoPlan}), so a faster machine trains longer; the plan and the
 * equivalent {@code regionwise train} command are printed, and that command reproduces the run's
 * weights exactly (the demo itself is a {@code train} run with those settings).
 *
 * @param minutes the whole demo's budget: loading, calibration, training, evaluation and report
 * @param out     the run folder
 * @param seed    the training seed
 * @param threads CPU threads (recorded in the report; the backend is installed by the caller)
 */
public record Demo(double minutes, Path out, long seed, int threads) {
    /** Time kept back from training for the final evaluation (3D metrics) and the report. */
    static final double END_RESERVE_SECONDS = 10;
    /**
     * Time kept back for the evaluation at native 1 mm (reloading the data at scale 1, predict's path over
     * 146 slices, 3D metrics at 1 mm), so the whole demo still fits its budget. Measured in process CPU time with
     * one thread on a barely trained model (3 steps, whose noisy labels make the surface distances dear): 91 s
     * for this step against 96 s for the 2 mm evaluation, which {@link #END_RESERVE_SECONDS} covers for a
     * trained model; so the same reserve again. The demo's report lists the step's time.
     */
    static final double NATIVE_RESERVE_SECONDS = 10;

    /** Runs the demo; returns the process exit code (0, or 1 when training diverged). */
    public int run(PrintWriter stdout, PrintWriter stderr) throws IOException {
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

        // Epoch 0 runs before the plan: it times this machine on the real data (and warms up the JIT), and
        // since its learning rate is lr0 whatever the epoch count, the count can be set afterwards exactly.
        Path checkpoint = out.resolve("checkpoint.npz");
        Files.deleteIfExists(checkpoint); // a demo always starts afresh
        double budget = minutes * 60;
        DemoProgress progress = new DemoProgress(Progress.forConsole(stdout));
        TrainingOptions provisional = new DemoPlan(DemoPlan.MAX_EPOCHS, 1, budgetLeft(t0, budget), Double.NaN, Double.NaN)
                .options(seed);
        TrainingSetup setup = TrainingSetup.builder(network, provisional, data, dataset.train(), dataset.validation(), checkpoint)
                .progress(progress).mapOptions(mapOptions).build();
        Trainer trainer = Trainer.start(setup);
        int stepsPerEpoch = trainer.stepsPerEpoch();
        stdout.printf(Locale.ROOT, "epoch 1 times this machine (%d steps of batch %d), then the epoch count is fitted to the budget%n",
                stepsPerEpoch, DemoPlan.BATCH);
        TrainingResult result = trainer.run(1);
        if (result.reason() == StopReason.EPOCH_LIMIT) { // else the budget ran out (or the loss diverged) in epoch 1
            long v0 = System.nanoTime(); // a second, warm validation pass: the first one also compiled the inference path
            VolumeSegmentation.predictAll(dataset.validation(), new SlicePredictor(trainer.model(), DemoPlan.BATCH));
            double validationSeconds = Math.min((System.nanoTime() - v0) / 1e9, result.history().last().validationSeconds());
            DemoPlan plan = DemoPlan.fit(budgetLeft(t0, budget).toMillis() / 1000.0, stepsPerEpoch, progress.secondsPerStep(),
                    validationSeconds);
            int epochs = Math.min(DemoPlan.MAX_EPOCHS, 1 + plan.epochs());
            trainer = trainer.withEpochs(epochs, plan.validateEvery(), budgetLeft(t0, budget));
            progress.planned(epochs);
            stdout.printf(Locale.ROOT, "plan: %.3f s per step, %.1f s per validation -> %d epochs (about %s), validation every %d%n",
                    plan.secondsPerStep(), validationSeconds, epochs,
                    ProgressText.duration(epochs * stepsPerEpoch * plan.secondsPerStep()), plan.validateEvery());
            stdout.println("the same run: " + equivalentCommand(trainer.options()));
            result = trainer.run();
        }
        long trained = System.nanoTime();
        TrainingOptions options = trainer.options();
        report.timing(String.format(Locale.ROOT, "training (%d epochs, epoch 1 timing the machine)", result.history().size()),
                Duration.ofNanos(trained - loaded));
        if (!result.ok()) {
            stderr.println("regionwise demo: error: " + result.message());
            return 1;
        }

        Evaluation evaluation = Evaluation.run(trainer.model(), dataset.validation(), DemoPlan.BATCH);
        evaluation.writeJson(out.resolve("metrics.json"));
        evaluation.writeCsv(out.resolve("metrics.csv"), dataset.classNames());
        long evaluated = System.nanoTime();
        report.timing("evaluation (3D metrics on the validation hemisphere)", Duration.ofNanos(evaluated - trained));
        stdout.printf(Locale.ROOT, "%nvalidation (%s, held out): per-class Dice and HD95 (mm, pooled as MedPy/nnU-Net)%n",
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
                .setting("epochs", options.epochs() + " of " + stepsPerEpoch + " steps (fitted to the budget)")
                .setting("batch", options.batchSize())
                .setting("optimiser", "Adam, lr " + options.learningRate() + " with poly decay (1 - e/E)^0.9, weight decay "
                        + options.weightDecay())
                .setting("seed", options.seed())
                .setting("threads", threads)
                .setting("budget", minutes + " min")
                .setting("reproduce", "`" + equivalentCommand(options) + "`");
        evaluation.metrics().forEach(report::evaluated);
        DemoReport.notes(result, warning).forEach(report::note);
        if (!missed.isEmpty()) report.note(missed);
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
     * A remark on foreground classes the model never predicts, or "". The likely cause is the RW loss
     * itself: its gradient at a pixel is scaled by the softmax of the pixel's true class (SPEC.md 1), so a
     * small class whose probability collapses early, while the many pixels outside it push it down,
     * recovers slowly, more so at a high learning rate. Measured on this data set (batch 8, lr 3e-3, seed 0): cross entropy reached a
     * validation Dice of 0.69 on deep grey matter (1.3% of the voxels) after 10 epochs; RRW stayed at 0
     * for 40.
     */
    static String missedClasses(Evaluation evaluation, List<String> classNames) {
        List<String> missed = new ArrayList<>();
        for (var s : evaluation.summary()) {
            if (s.classIndex() > 0 && s.statuses().getOrDefault(ClassStatus.PREDICTION_EMPTY, 0) == s.volumes()) {
                missed.add(classNames.get(s.classIndex()));
            }
        }
        if (missed.isEmpty()) return "";
        return String.join(", ", missed) + (missed.size() == 1 ? " was" : " were") + " never predicted. The RW gradient at a"
                + " pixel is scaled by the softmax of its true class, so a small class whose probability collapses early"
                + " recovers slowly. A lower learning rate (--lr, the paper uses 1e-4) or a longer run (--minutes) may"
                + " still learn it; a loss that starts as cross entropy ('regionwise train --loss gradual-ce-rrw', the"
                + " paper's Sec. 4.4) learns it sooner.";
    }

    /** What is left of the demo's budget for training: the end of the budget less the time kept for evaluation. */
    private static Duration budgetLeft(long t0, double budgetSeconds) {
        double left = budgetSeconds - (System.nanoTime() - t0) / 1e9 - END_RESERVE_SECONDS - NATIVE_RESERVE_SECONDS;
        return Duration.ofMillis(Math.max(1000, Math.round(left * 1000)));
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
