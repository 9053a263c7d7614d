package org.regionwise.experiments.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.regionwise.experiments.data.DefaultDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.report.Report;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.maps.MapOptions;

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
    static final double END_RESERVE_SECONDS = 12;

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
                org.regionwise.experiments.data.NnUnetRawDataset.DEFAULT_VALIDATION_FRACTION, network);
        MapOptions mapOptions = MapOptions.defaults().withThreads(threads);
        long loaded = System.nanoTime();
        report.timing("loading the data", Duration.ofNanos(loaded - t0));

        DemoCalibration speed = DemoCalibration.measure(network, data, dataset.train(), dataset.validation(), mapOptions, out);
        long calibrated = System.nanoTime();
        report.timing("calibration (a few steps and one validation pass)", Duration.ofNanos(calibrated - loaded));
        double left = minutes * 60 - (calibrated - t0) / 1e9 - END_RESERVE_SECONDS;
        int stepsPerEpoch = new TrainingOptions(DemoPlan.LOSS, 1, 0, DemoPlan.BATCH, 1, 0, 0, 0, true, null)
                .stepsPerEpoch(dataset.train().size());
        DemoPlan plan = DemoPlan.fit(Math.max(left, 1), stepsPerEpoch, speed.secondsPerStep(), speed.validationSeconds());
        TrainingOptions options = plan.options(seed);
        stdout.printf(Locale.ROOT, "calibration: %.3f s per step, %.1f s per validation pass -> %d epochs of %d steps in about %s%n",
                speed.secondsPerStep(), speed.validationSeconds(), plan.epochs(), stepsPerEpoch,
                ProgressText.duration(plan.epochs() * stepsPerEpoch * speed.secondsPerStep()));
        stdout.println("the same run: " + equivalentCommand(options));

        Path checkpoint = out.resolve("checkpoint.npz");
        Files.deleteIfExists(checkpoint); // a demo always starts afresh
        TrainingSetup setup = TrainingSetup.builder(network, options, data, dataset.train(), dataset.validation(), checkpoint)
                .progress(Progress.forConsole(stdout)).mapOptions(mapOptions).build();
        Trainer trainer = Trainer.start(setup);
        TrainingResult result = trainer.run();
        long trained = System.nanoTime();
        report.timing(String.format(Locale.ROOT, "training (%d epochs)", result.history().size()), Duration.ofNanos(trained - calibrated));
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
        long reported = System.nanoTime();
        report.timing("report and figures", Duration.ofNanos(reported - evaluated)); // an estimate: drawn just below
        Path written = DemoReport.write(out, report, result.history(), evaluation, dataset.classNames());
        stdout.printf(Locale.ROOT, "wrote %s (checkpoint.npz, history.csv, metrics.json/.csv, PNG figures) in %s total%n",
                written, ProgressText.duration((System.nanoTime() - t0) / 1e9));
        return 0;
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
