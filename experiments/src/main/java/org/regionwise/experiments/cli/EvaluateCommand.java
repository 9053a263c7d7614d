package org.regionwise.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.regionwise.autodiff.text.OneLine;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.OutputLock;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.eval.Evaluation;
import org.regionwise.experiments.train.Models;
import org.regionwise.experiments.eval.ResultsTable;
import org.regionwise.experiments.train.TrainingDataLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code regionwise evaluate}: scores a trained model on a split of its data set (by default the
 * held-out validation split), volume by volume in 3D, and writes {@code OUT/metrics.json} (per volume
 * and class, and the per-class summary) and {@code OUT/metrics.csv} (one row per volume and class).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Evaluate a trained model on a data set split: per-volume, per-class Dice, Hausdorff, HD95 and ASSD "
                + "(mm), written to OUT/metrics.json and OUT/metrics.csv, with a per-class table.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "CKPT", description = "A checkpoint written by 'regionwise train'.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR|default",
            description = "The data set: an nnU-Net raw folder or 'default' (default: the one the model was trained on).")
    String data;

    @Option(names = "--split", paramLabel = "SPLIT", defaultValue = "validation",
            description = "validation (held out) or train (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for metrics.json and metrics.csv.")
    Path out;

    @Mixin
    InferenceOptions inference;

    @Override
    public Integer call() throws IOException {
        if (!split.equals("validation") && !split.equals("train")) throw usage("--split must be validation or train, got " + OneLine.visible(split));
        inference.validate(spec);
        try (OutputLock lock = OutputTargets.folder(spec, out)) {
            return evaluate();
        }
    }

    private int evaluate() throws IOException {
        Checkpoint checkpoint = CheckpointFile.read(model);
        inference.installBackend();
        DataSpec trained = checkpoint.data();
        TrainingData dataset = data == null ? TrainingDataLoader.load(trained)
                : TrainingDataLoader.load(data, data.equals(DataSpec.DEFAULT) ? trained.scale() : 1, trained.validationFraction(),
                        data.equals(DataSpec.DEFAULT) ? null : trained.resampledTo());
        if (dataset.source().hasWarning()) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + dataset.source().warning());
        }
        requireCompatible(dataset, trained);
        SliceDataset slices = split.equals("train") ? dataset.train() : dataset.validation();
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("the " + split + " split of " + OneLine.visible(dataset.source().name()) + " is empty"
                    + (split.equals("validation") ? "; use --split train" : ""));
        }

        long start = System.nanoTime();
        Evaluation evaluation = Evaluation.run(Models.fromCheckpoint(checkpoint), slices, inference.batch);
        evaluation.writeJson(out.resolve("metrics.json"));
        evaluation.writeCsv(out.resolve("metrics.csv"), dataset.classNames());

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%s split of %s: %d volume(s), %d slices; model %s (%s, epoch %d of %d)%n", split,
                dataset.source().name(), slices.volumeIds().size(), slices.size(), model, checkpoint.options().lossName(),
                checkpoint.position().epoch(), checkpoint.options().epochs());
        stdout.print(ResultsTable.format(evaluation.summary(), dataset.classNames()));
        stdout.printf(Locale.ROOT, "wrote %s and %s (%.1f s)%n", out.resolve("metrics.json"), out.resolve("metrics.csv"),
                (System.nanoTime() - start) / 1e9);
        return Main.OK;
    }

    /** The data must have the model's classes and channels. */
    private void requireCompatible(TrainingData dataset, DataSpec trained) {
        if (!dataset.classNames().equals(trained.classNames())) {
            // Class and channel names are dataset.json's and the checkpoint's: quoted, one line.
            throw new IllegalArgumentException(OneLine.visible("the model was trained on classes " + trained.classNames() + " but "
                    + dataset.source().name() + " has " + dataset.classNames()));
        }
        if (!dataset.train().channelNames().equals(trained.channelNames())) {
            throw new IllegalArgumentException(OneLine.visible("the model takes channels " + trained.channelNames() + " but "
                    + dataset.source().name() + " has " + dataset.train().channelNames()));
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
