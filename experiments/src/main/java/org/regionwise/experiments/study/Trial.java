package org.regionwise.experiments.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.regionwise.experiments.data.SliceDataset;
import org.regionwise.experiments.data.TrainingData;
import org.regionwise.experiments.eval.ClassMetrics;
import org.regionwise.experiments.eval.Evaluation;
import org.regionwise.experiments.eval.SegmentationMetrics;
import org.regionwise.experiments.eval.VolumeMetrics;
import org.regionwise.experiments.io.CheckpointFile;
import org.regionwise.experiments.io.StaleTemporaries;
import org.regionwise.experiments.predict.VolumeSegmentation;
import org.regionwise.experiments.progress.Progress;
import org.regionwise.experiments.train.Checkpoint;
import org.regionwise.experiments.train.DataSpec;
import org.regionwise.experiments.train.EpochRecord;
import org.regionwise.experiments.train.StopReason;
import org.regionwise.experiments.train.Trainer;
import org.regionwise.experiments.train.TrainingDataLoader;
import org.regionwise.experiments.train.TrainingResult;
import org.regionwise.experiments.train.TrainingSetup;
import org.regionwise.layers.NormType;
import org.regionwise.layers.UNet2dConfig;
import org.regionwise.maps.Grid;
import org.regionwise.maps.MapOptions;

/**
 * Runs one {@link TrialSpec} into its folder, knowing nothing of who runs it or what else runs: trains with
 * the existing {@link Trainer}, evaluates the final model on the validation split, and writes
 *
 * <pre>
 * spec.json        the spec (written first; a folder holding another spec is refused)
 * checkpoint.npz   the trainer's checkpoint after every epoch; history.csv beside it
 * metrics.csv      per validation volume and class: every metric of {@link Evaluation#toCsv}
 * result.json      the {@link TrialResult}, written atomically and LAST: its presence means "done"
 * </pre>
 *
 * Rerun on the same folder, a trial with a result returns it without training; one with only a checkpoint
 * resumes from it (the trainer resumes bit for bit), so a trial killed at any moment and rerun gives the
 * same result.json. The caller sets the calling thread's backend (its CPU share); {@code threads} sizes the
 * map computations to the same share.
 */
public final class Trial {
    public static final String SPEC = "spec.json";
    public static final String CHECKPOINT = "checkpoint.npz";
    public static final String METRICS = "metrics.csv";
    public static final String RESULT = "result.json";

    private Trial() {}

    /** Whether {@code folder} holds a finished trial. */
    public static boolean done(Path folder) {
        return Files.isRegularFile(folder.resolve(RESULT));
    }

    /** The saved result in {@code folder}. */
    public static TrialResult readResult(Path folder) throws IOException {
        return StudyJson.read(folder.resolve(RESULT), TrialResult.class);
    }

    /**
     * Runs (or finishes, or just reads) the trial. A divergence is a result ({@link TrialResult.Status#DIVERGED});
     * anything else that goes wrong is thrown, leaving no result, so a rerun retries.
     *
     * @throws IOException              reading data or writing the folder
     * @throws IllegalArgumentException when the folder holds another trial, or the spec does not fit the data
     */
    public static TrialResult run(TrialSpec spec, Path folder, TrialEnvironment environment, int threads) throws IOException {
        if (done(folder)) {
            TrialResult saved = readResult(folder);
            if (!saved.specId().equals(spec.id())) {
                throw new IllegalArgumentException(folder + " holds the result of trial " + saved.specId() + ", not " + spec.id());
            }
            return saved;
        }
        claim(spec, folder);
        // A run killed mid-write leaves the atomic writer's temporaries here; whoever runs the trial now is its only writer.
        StaleTemporaries.remove(folder);
        TrainingData data = environment.data(spec);
        EpochObserver observer = environment.observer(spec.observer());
        UNet2dConfig network = new UNet2dConfig(data.channels(), data.classCount(), spec.levels(), spec.baseFilters(),
                UNet2dConfig.NNUNET_MAX_FILTERS_2D, NormType.INSTANCE, true);
        DataSpec dataSpec = TrainingDataLoader.describe(data, spec.data(), spec.scale(), spec.validationFraction(), network);
        Path checkpointFile = folder.resolve(CHECKPOINT);
        TrainingSetup setup = TrainingSetup.builder(network, spec.trainingOptions(), dataSpec, data.train(), data.validation(),
                        checkpointFile)
                .mapOptions(MapOptions.defaults().withThreads(threads))
                .progress(new Progress() {
                    @Override
                    public void epochFinished(EpochRecord record, int epochs) {
                        environment.epochListener().epochDone(spec, record, epochs);
                    }
                })
                .build();
        Trainer trainer;
        if (Files.exists(checkpointFile)) {
            Checkpoint checkpoint = CheckpointFile.read(checkpointFile);
            trainer = Trainer.resume(setup, checkpoint);
        } else {
            trainer = Trainer.start(setup);
        }
        if (observer != null) observer.afterEpoch(spec, trainer.position().epoch(), trainer.model(), data, folder);
        TrainingResult trained = null;
        while (trainer.position().epoch() < spec.epochs()) {
            trained = trainer.run(1);
            if (trained.reason() == StopReason.NON_FINITE_LOSS) break;
            if (observer != null) observer.afterEpoch(spec, trainer.position().epoch(), trainer.model(), data, folder);
        }
        List<TrialResult.EpochDice> curve = curve(trainer);
        TrialResult result;
        if (trained != null && trained.reason() == StopReason.NON_FINITE_LOSS) {
            result = new TrialResult(spec.id(), spec, TrialResult.Status.DIVERGED, trained.message(), data.classNames(), null, null, curve);
        } else {
            SliceDataset validation = data.validation();
            if (validation.isEmpty()) throw new IllegalArgumentException(spec.data() + ": the validation split has no slices");
            Evaluation evaluation = Evaluation.run(trainer.model(), validation, spec.batch());
            evaluation.writeCsv(folder.resolve(METRICS), data.classNames());
            result = new TrialResult(spec.id(), spec, TrialResult.Status.COMPLETED,
                    "trained " + spec.epochs() + " epochs", data.classNames(), perVolume(evaluation), perSlice(evaluation, data.classCount()), curve);
        }
        StudyJson.write(folder.resolve(RESULT), result);
        return result;
    }

    /** Writes spec.json, or checks that the folder's spec is this one. */
    private static void claim(TrialSpec spec, Path folder) throws IOException {
        Path file = folder.resolve(SPEC);
        if (Files.exists(file)) {
            TrialSpec there = StudyJson.read(file, TrialSpec.class);
            if (!there.equals(spec)) {
                throw new IllegalArgumentException(folder + " holds trial " + there.id() + ", not " + spec.id() + "; refusing to mix them");
            }
            return;
        }
        StudyJson.write(file, spec);
    }

    private static List<TrialResult.EpochDice> curve(Trainer trainer) {
        List<TrialResult.EpochDice> out = new ArrayList<>();
        for (EpochRecord r : trainer.history().epochs()) {
            if (r.validated()) out.add(new TrialResult.EpochDice(r.epoch(), r.validationDice()));
        }
        return out;
    }

    private static List<TrialResult.UnitMetrics> perVolume(Evaluation evaluation) {
        List<TrialResult.UnitMetrics> out = new ArrayList<>();
        evaluation.metrics().forEach((id, volume) -> out.add(unit(id, volume)));
        return out;
    }

    /**
     * Each validation slice scored on its own in 2D (its in-plane spacing): the pairing unit of the permutation
     * tests when a data set has too few volumes. Slices are not independent samples; tables say so.
     */
    private static List<TrialResult.UnitMetrics> perSlice(Evaluation evaluation, int classes) {
        List<TrialResult.UnitMetrics> out = new ArrayList<>();
        for (VolumeSegmentation v : evaluation.volumes()) {
            int h = v.grid().dim(1), w = v.grid().dim(2), plane = h * w;
            Grid grid = new Grid(new int[] {h, w}, new double[] {v.grid().spacing(1), v.grid().spacing(2)});
            for (int k = 0; k < v.slices().size(); k++) {
                int[] p = java.util.Arrays.copyOfRange(v.prediction(), k * plane, (k + 1) * plane);
                int[] r = java.util.Arrays.copyOfRange(v.reference(), k * plane, (k + 1) * plane);
                out.add(unit(v.volumeId() + "#" + v.slices().get(k).sliceIndex(), SegmentationMetrics.evaluate(p, r, grid, classes)));
            }
        }
        return out;
    }

    private static TrialResult.UnitMetrics unit(String id, VolumeMetrics volume) {
        int c = volume.classCount();
        double[] dice = new double[c], hd = new double[c], hd95 = new double[c];
        for (int k = 0; k < c; k++) {
            ClassMetrics m = volume.of(k);
            dice[k] = m.dice();
            hd[k] = m.hausdorff();
            hd95[k] = m.hd95Pooled();
        }
        return new TrialResult.UnitMetrics(id, dice, hd, hd95);
    }
}
